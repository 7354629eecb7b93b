using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// One numeric dimension of a searched training recipe: a range (<c>{min: 0.001, max: 0.2}</c>) or a list of values
/// (<c>{values: [32, 64, 128]}</c>), never both. A whole-number dimension (epochs, batch size) draws whole numbers from its range.
/// </summary>
public sealed record RecipeRange
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public IReadOnlyList<double>? Values { get; init; }

    public static RecipeRange Between(double min, double max) => new() { Min = min, Max = max };

    public static RecipeRange OneOf(params double[] values) => new() { Values = values };

    [JsonIgnore]
    public bool IsList => Values != null;

    public bool Equals(RecipeRange? other) =>
        other is not null && Min.Equals(other.Min) && Max.Equals(other.Max) &&
        (Values == null ? other.Values == null : other.Values != null && Sequences.Equal(Values, other.Values));

    public override int GetHashCode() => HashCode.Combine(Min, Max, Values?.Count);
}
