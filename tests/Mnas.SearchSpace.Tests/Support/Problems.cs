using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Support;

public static class Problems
{
    /// <summary>The problems as "path: message" lines, for exact assertions.</summary>
    public static string[] Lines(IEnumerable<SpecProblem> problems) => problems.Select(p => p.ToString()).ToArray();
}
