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

    /// <summary>Why a value is refused, or null when it is inside: <c>must be in 1..50 (got 51)</c>.</summary>
    public string? Problem(double value)
    {
        if (Contains(value))
        {
            return null;
        }

        return Kind switch
        {
            RangeKind.Items => $"must hold {Interval} (got {Text(value)})",
            RangeKind.Integer when double.IsFinite(value) && Math.Floor(value) != value => $"must be a whole number in {Interval} (got {Text(value)})",
            _ => $"must be in {Interval} (got {Text(value)})",
        };
    }

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
