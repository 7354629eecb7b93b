namespace Mnas.SearchSpace.Validation;

/// <summary>
/// A campaign spec or architecture that cannot be used. Carries every problem found, not only the first,
/// and names where the document came from (a file path) when it came from one.
/// </summary>
public sealed class SpecException : Exception
{
    public SpecException(string subject, string? origin, IReadOnlyList<SpecProblem> problems)
        : base(Describe(subject, origin, problems))
    {
        Subject = subject;
        Origin = origin;
        Problems = problems;
    }

    /// <summary>What was rejected, e.g. "campaign spec" or "architecture file".</summary>
    public string Subject { get; }

    /// <summary>The file (or name) the document came from; null for one given as a string or an object.</summary>
    public string? Origin { get; }

    public IReadOnlyList<SpecProblem> Problems { get; }

    private static string Describe(string subject, string? origin, IReadOnlyList<SpecProblem> problems)
    {
        var where = origin is null ? subject : $"{subject} '{origin}'";
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{where} is invalid ({count}):" + string.Concat(problems.Select(p => "\n  " + p));
    }
}
