namespace Mnas.SearchSpace.Validation;

/// <summary>One thing wrong with a spec or an architecture: the offending field's path (<c>proxy.epochs</c>,
/// <c>search_space.ops[2]</c>, <c>blocks[3].kernel</c>; empty for the document as a whole) and what is wrong.</summary>
public sealed record SpecProblem(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
