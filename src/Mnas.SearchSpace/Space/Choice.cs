namespace Mnas.SearchSpace.Space;

/// <summary>One labelled choice of a sample: the decision, the chosen index, and that choice as displayed.</summary>
public sealed record Choice(string Decision, int Index, string Value)
{
    public override string ToString() => $"{Decision}={Value}";
}
