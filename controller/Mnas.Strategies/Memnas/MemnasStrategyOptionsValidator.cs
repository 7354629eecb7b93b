using System.Globalization;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// Checks <see cref="MemnasStrategyOptions"/> and names every bad field by its path in the spec, e.g.
/// <c>memnas.top_k: must be at least 1 (got 0)</c> or <c>reward.memory_lambda: must lie in [0, 1] (got 1.5)</c>.
/// Whether the base names a sample of the space is checked against the space, when the search starts.
/// </summary>
public sealed class MemnasStrategyOptionsValidator : ISpecValidator<MemnasStrategyOptions>
{
    private const string Section = "memnas.";

    /// <summary>The ranker's settings under the names the memnas section gives them.</summary>
    private static readonly Dictionary<string, string> SpecNames = new(StringComparer.Ordinal)
    {
        ["epochs"] = "controller_epochs",
        ["learning_rate"] = "controller_learning_rate",
    };

    public static MemnasStrategyOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(MemnasStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SpecProblem>();
        void Check(bool ok, string path, string rule, double value)
        {
            if (!ok)
            {
                problems.Add(new SpecProblem(path, $"{rule} (got {value.ToString("R", CultureInfo.InvariantCulture)})"));
            }
        }

        if (string.IsNullOrWhiteSpace(options.Base))
        {
            problems.Add(new SpecProblem(Section + "base", "must name the first base network (mobilenet_v2, smallest or a sample of the space)"));
        }
        Check(options.Rounds >= 1, Section + "rounds", "must be at least 1", options.Rounds);
        Check(options.TopK >= 1, Section + "top_k", "must be at least 1", options.TopK);
        Check(options.Patience >= 1, Section + "patience", "must be at least 1", options.Patience);
        if (options.Ranker is null)
        {
            problems.Add(new SpecProblem("ranker", "must be given"));
        }
        else
        {
            problems.AddRange(RankerOptionsValidator.Instance.Validate(options.Ranker)
                .Select(p => p with { Path = Section + SpecNames.GetValueOrDefault(p.Path, p.Path) }));
        }
        Check(options.MemoryLambda is >= 0 and <= 1, "reward.memory_lambda", "must lie in [0, 1]", options.MemoryLambda);
        if (!Enum.IsDefined(options.RankerKind))
        {
            problems.Add(new SpecProblem("ranker_kind", $"must be structure-correlation or absolute (got {(int)options.RankerKind})"));
        }
        return problems;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(MemnasStrategyOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("memnas strategy options", null, problems);
        }
    }
}
