using System.Globalization;
using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>Checks <see cref="FineStageOptions"/>, naming every bad field by its snake_case path (<c>top_k: must be at least 1 (got 0)</c>).</summary>
public static class FineStageOptionsValidator
{
    /// <param name="prefix">Put before every path (<c>fbnetv3.</c> for a campaign's settings).</param>
    public static IReadOnlyList<SpecProblem> Validate(FineStageOptions options, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SpecProblem>();
        void Check(bool ok, string path, string rule, double value)
        {
            if (!ok)
            {
                problems.Add(new SpecProblem(prefix + path, $"{rule} (got {value.ToString("R", CultureInfo.InvariantCulture)})"));
            }
        }

        Check(options.Population >= 1, "population", "must be at least 1", options.Population);
        Check(options.TopK >= 1, "top_k", "must be at least 1", options.TopK);
        Check(options.MutationProbability is > 0 and <= 1, "mutation_probability", "must lie in (0, 1]", options.MutationProbability);
        Check(options.MaxIterations >= 1, "max_iterations", "must be at least 1", options.MaxIterations);
        Check(options.Threshold >= 0 && double.IsFinite(options.Threshold), "threshold", "must not be negative", options.Threshold);
        return problems;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfInvalid(FineStageOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("fine stage options", null, problems);
        }
    }
}
