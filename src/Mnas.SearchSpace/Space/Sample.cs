namespace Mnas.SearchSpace.Space;

/// <summary>
/// A point of a <see cref="ModelSpace"/>: one labelled choice per decision, in the space's decision order. Made
/// only by the space (<see cref="ModelSpace.Random"/>, <see cref="ModelSpace.Parse"/>,
/// <see cref="ModelSpace.FromTokens"/>, <see cref="ModelSpace.Create"/>), so it is always complete. Two samples
/// are equal exactly when their <see cref="Canonical"/> strings are.
/// </summary>
public sealed record Sample
{
    private readonly Dictionary<string, Choice> byDecision;

    internal Sample(IReadOnlyList<Choice> choices)
    {
        Choices = choices;
        byDecision = choices.ToDictionary(c => c.Decision, StringComparer.Ordinal);
        Canonical = string.Join(' ', choices);
    }

    /// <summary>The choices, in decision order.</summary>
    public IReadOnlyList<Choice> Choices { get; }

    /// <summary><c>b1.op=mbconv1 b1.kernel=3 b1.se=0.0 …</c>, in decision order; <see cref="ModelSpace.Parse"/> reads it back.</summary>
    public string Canonical { get; }

    /// <summary>The chosen index of a decision, e.g. <c>sample["b2.kernel"]</c>.</summary>
    public int this[string decision] => Find(decision).Index;

    /// <summary>The chosen value of a decision as displayed, e.g. <c>"5"</c> for <c>b2.kernel</c>.</summary>
    public string ValueOf(string decision) => Find(decision).Value;

    /// <summary>The chosen indices in decision order: the controller's token sequence.</summary>
    public int[] ToTokens() => Choices.Select(c => c.Index).ToArray();

    public override string ToString() => Canonical;

    public bool Equals(Sample? other) => other is not null && Canonical == other.Canonical;

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    private Choice Find(string decision) =>
        byDecision.TryGetValue(decision, out var choice) ? choice : throw new KeyNotFoundException($"the sample has no decision '{decision}'");
}
