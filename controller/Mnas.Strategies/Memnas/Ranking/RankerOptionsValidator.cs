using System.Globalization;
using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// Checks <see cref="RankerOptions"/> and names every bad field by its snake_case path, e.g.
/// <c>hidden_units: must be in [4, 1024] (got 2)</c>.
/// </summary>
public sealed class RankerOptionsValidator : ISpecValidator<RankerOptions>
{
    public const int MinHiddenUnits = 4;
    public const int MaxHiddenUnits = 1_024;
    public const int MaxEpochs = 10_000;

    public static RankerOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(RankerOptions options)
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

        Check(options.HiddenUnits is >= MinHiddenUnits and <= MaxHiddenUnits, "hidden_units", $"must be in [{MinHiddenUnits}, {MaxHiddenUnits}]",
            options.HiddenUnits);
        Check(options.Epochs is >= 1 and <= MaxEpochs, "epochs", $"must be in [1, {MaxEpochs}]", options.Epochs);
        Check(options.LearningRate is > 0 and <= 1, "learning_rate", "must be in (0, 1]", options.LearningRate);
        return problems;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(RankerOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("ranker options", null, problems);
        }
    }
}
