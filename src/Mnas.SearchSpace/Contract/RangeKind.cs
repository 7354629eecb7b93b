namespace Mnas.SearchSpace.Contract;

/// <summary>What a <see cref="FieldRange"/> bounds: a whole number, any finite number, or the length of a list.</summary>
public enum RangeKind
{
    Integer,
    Number,
    Items,
}
