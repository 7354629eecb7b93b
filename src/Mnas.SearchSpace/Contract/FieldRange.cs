using System.Globalization;

namespace Mnas.SearchSpace.Contract;

/// <summary>
/// The values one field of a campaign accepts: <see cref="Minimum"/> to <see cref="Maximum"/>, each end included unless
/// marked exclusive. <see cref="Path"/> is the field's snake_case path with <c>[]</c> for every item of a list
/// (<c>search_space.kernels[]</c>, <c>skeleton.blocks[].layers</c>); a path without the <c>spec.</c> prefix at the top
/// of a submission (<c>children</c>, <c>seed</c>) is a setting of the submission, not of its spec.
/// </summary>
public sealed record FieldRange(
    string Path,
    RangeKind Kind,
    double Minimum,
    double Maximum,
    string Reason,
    bool MinimumExclusive = false,
    bool MaximumExclusive = false)
{
    public bool Contains(double value) =>
        double.IsFinite(value) &&
        (MinimumExclusive ? value > Minimum : value >= Minimum) &&
        (MaximumExclusive ? value < Maximum : value <= Maximum) &&
        (Kind == RangeKind.Number || Math.Floor(value) == value);

    /// <summary>The range as the ranges table and the messages write it: <c>1..50</c>, <c>(0, 1)</c>, <c>[-1, 0]</c>, <c>1..16 items</c>.</summary>
    public string Interval => Kind switch
    {
        RangeKind.Number =>
            $"{(MinimumExclusive ? '(' : '[')}{Text(Minimum)}, {Text(Maximum)}{(MaximumExclusive ? ')' : ']')}",
        RangeKind.Items => $"{Text(Minimum)}..{Text(Maximum)} items",
        _ => $"{Text(Minimum)}..{Text(Maximum)}",
    };

    /// <summary>Why a value is refused, or null when it is inside: <c>must be at most 50 (got 51)</c>.</summary>
    public string? Problem(double value)
    {
        if (Contains(value))
        {
            return null;
        }

        var got = Kind == RangeKind.Items ? $"{Text(value)} items" : Text(value);
        if (Kind == RangeKind.Integer && double.IsFinite(value) && Math.Floor(value) != value)
        {
            return $"must be a whole number in {Interval} (got {got})";
        }

        if (!double.IsFinite(value))
        {
            return $"must be a finite number in {Interval} (got {got})";
        }

        var unit = Kind == RangeKind.Items ? " items" : "";
        if (MinimumExclusive ? value <= Minimum : value < Minimum)
        {
            return MinimumExclusive ? $"must be above {Text(Minimum)} (got {got})" : $"must be at least {Text(Minimum)}{unit} (got {got})";
        }

        return MaximumExclusive ? $"must be below {Text(Maximum)} (got {got})" : $"must be at most {Text(Maximum)}{unit} (got {got})";
    }

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
