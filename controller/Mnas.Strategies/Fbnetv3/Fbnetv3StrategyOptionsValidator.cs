using System.Globalization;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// Checks <see cref="Fbnetv3StrategyOptions"/> and names every bad field by its path in the spec, e.g.
/// <c>fbnetv3.top_k: must be at least 1 (got 0)</c> or <c>constraints.max_params: must be at least 1 (got 0)</c>.
/// </summary>
public sealed class Fbnetv3StrategyOptionsValidator : ISpecValidator<Fbnetv3StrategyOptions>
{
    private const string Section = "fbnetv3.";

    /// <summary>The predictor's settings under the names the fbnetv3 section gives them.</summary>
    private static readonly Dictionary<string, string> SpecNames = new(StringComparer.Ordinal)
    {
        ["epochs"] = "predictor_epochs",
        ["learning_rate"] = "predictor_learning_rate",
    };

    public static Fbnetv3StrategyOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(Fbnetv3StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Spec is null || options.Constraints is null)
        {
            return [new SpecProblem(options.Spec is null ? "fbnetv3" : "constraints", "must be given")];
        }
        var problems = new List<SpecProblem>();
        void Check(bool ok, string path, string rule, double value)
        {
            if (!ok)
            {
                problems.Add(new SpecProblem(path, $"{rule} (got {value.ToString("R", CultureInfo.InvariantCulture)})"));
            }
        }

        var spec = options.Spec;
        problems.AddRange(PredictorOptionsValidator.Instance.Validate(PredictorOptions.From(spec, options.Seed))
            .Select(p => p with { Path = Section + SpecNames.GetValueOrDefault(p.Path, p.Path) }));
        if (spec.Recipe?.Optimizers is not { Count: > 0 })
        {
            problems.Add(new SpecProblem(Section + "recipe.optimizers", "must name at least one optimiser"));
        }
        Check(spec.PretrainArchitectures >= 1, Section + "pretrain_architectures", "must be at least 1", spec.PretrainArchitectures);
        Check(spec.Rounds >= 1, Section + "rounds", "must be at least 1", spec.Rounds);
        Check(spec.ChildrenPerRound >= 1, Section + "children_per_round", "must be at least 1", spec.ChildrenPerRound);
        Check(spec.Pool >= spec.ChildrenPerRound, Section + "pool", $"must be at least children_per_round ({spec.ChildrenPerRound})", spec.Pool);
        problems.AddRange(FineStageOptionsValidator.Validate(FineStageOptions.From(spec, options.Seed), Section));
        Check(spec.FinalChildren >= 0, Section + "final_children", "must not be negative", spec.FinalChildren);
        problems.AddRange(Validate(options.Constraints, "constraints."));
        return problems;
    }

    /// <summary>Every limit that is set must be positive.</summary>
    public static IEnumerable<SpecProblem> Validate(PairConstraints constraints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        if (constraints.MaxLatencyMs is { } latency && !(latency > 0 && double.IsFinite(latency)))
        {
            yield return new SpecProblem(prefix + "max_latency_ms",
                $"must be a positive number of milliseconds (got {latency.ToString("R", CultureInfo.InvariantCulture)})");
        }
        foreach (var (setting, value) in new[]
                 {
                     ("max_params", constraints.MaxParams), ("max_macs", constraints.MaxMacs), ("max_peak_activation_bytes", constraints.MaxPeakActivationBytes),
                 })
        {
            if (value is < 1)
            {
                yield return new SpecProblem(prefix + setting, $"must be at least 1 (got {value.Value.ToString(CultureInfo.InvariantCulture)})");
            }
        }
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(Fbnetv3StrategyOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("fbnetv3 strategy options", null, problems);
        }
    }
}
