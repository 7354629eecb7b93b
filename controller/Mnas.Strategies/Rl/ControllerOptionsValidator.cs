using System.Globalization;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Rewards;

namespace Mnas.Strategies.Rl;

/// <summary>
/// Checks <see cref="ControllerOptions"/> and names every bad field by its snake_case path, e.g.
/// <c>clip_epsilon: must be in (0, 1) (got 1.5)</c>, so a bad setting fails before a campaign starts.
/// </summary>
public sealed class ControllerOptionsValidator : ISpecValidator<ControllerOptions>
{
    public const int MaxPolicyLag = 100_000;

    public static ControllerOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(ControllerOptions options)
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

        Check(options.HiddenSize >= 1, "hidden_size", "must be at least 1", options.HiddenSize);
        Check(options.EmbeddingSize >= 1, "embedding_size", "must be at least 1", options.EmbeddingSize);
        Check(options.InitRange > 0 && double.IsFinite(options.InitRange), "init_range", "must be positive", options.InitRange);
        Check(Enum.IsDefined(options.HeadSharing), "head_sharing", $"must be one of {string.Join(", ", Enum.GetNames<HeadSharing>())}",
            (int)options.HeadSharing);
        Check(Enum.IsDefined(options.Rule), "rule", $"must be one of {string.Join(", ", Enum.GetNames<UpdateRule>())}", (int)options.Rule);
        Check(options.LearningRate > 0 && double.IsFinite(options.LearningRate), "learning_rate", "must be positive", options.LearningRate);
        Check(options.ClipEpsilon is > 0 and < 1, "clip_epsilon", "must be in (0, 1)", options.ClipEpsilon);
        Check(options.EntropyCoefficient >= 0 && double.IsFinite(options.EntropyCoefficient), "entropy_coefficient", "must not be negative",
            options.EntropyCoefficient);
        Check(options.BaselineDecay is >= 0 and < 1, "baseline_decay", "must be in [0, 1)", options.BaselineDecay);
        Check(options.MinibatchSize >= 1, "minibatch_size", "must be at least 1", options.MinibatchSize);
        Check(options.Epochs >= 1, "epochs", "must be at least 1", options.Epochs);
        Check(options.PolicyLag is >= 0 and <= MaxPolicyLag, "policy_lag", $"must be in [0, {MaxPolicyLag}]", options.PolicyLag);
        Check(options.AdamBeta1 is >= 0 and < 1, "adam_beta1", "must be in [0, 1)", options.AdamBeta1);
        Check(options.AdamBeta2 is >= 0 and < 1, "adam_beta2", "must be in [0, 1)", options.AdamBeta2);
        Check(options.AdamEpsilon > 0 && double.IsFinite(options.AdamEpsilon), "adam_epsilon", "must be positive", options.AdamEpsilon);
        if (options.Failure is null)
        {
            problems.Add(new SpecProblem("failure", "must not be null"));
        }
        else
        {
            problems.AddRange(new FailureOptionsValidator("failure.").Validate(options.Failure));
        }

        return problems;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(ControllerOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("controller options", null, problems);
        }
    }
}
