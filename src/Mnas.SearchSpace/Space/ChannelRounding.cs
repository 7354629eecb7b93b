namespace Mnas.SearchSpace.Space;

/// <summary>MobileNetV2's <c>_make_divisible</c>: how a width multiplier turns base channels into a channel count.</summary>
public static class ChannelRounding
{
    /// <summary>
    /// Rounds to the nearest multiple of <paramref name="divisor"/> (halves up), never below the divisor, and
    /// adds one more divisor when rounding lost more than 10% (the result is never below 90% of the value).
    /// E.g. 18 → 16 is below 16.2, so 24; 30 → 32; 12 → 16.
    /// </summary>
    public static int MakeDivisible(double value, int divisor = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisor);
        var rounded = Math.Max(divisor, (int)Math.Floor((value + divisor / 2.0) / divisor) * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }
}
