namespace Mnas.SearchSpace.Space;

/// <summary>
/// One decision of the space, e.g. <c>b3.kernel</c> (block 3, 1-based) with choices <c>["3", "5"]</c>. A choice is
/// identified by its index in <see cref="Choices"/>; the strings are how it is displayed and parsed.
/// </summary>
public sealed record Decision(string Name, int Block, DecisionKind Kind, IReadOnlyList<string> Choices)
{
    /// <summary>The index of a displayed choice, or -1.</summary>
    public int IndexOf(string value)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (Choices[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Equals(Decision? other) =>
        other is not null && Name == other.Name && Block == other.Block && Kind == other.Kind && Choices.SequenceEqual(other.Choices);

    public override int GetHashCode() => HashCode.Combine(Name, Block, Kind, Choices.Count);
}
