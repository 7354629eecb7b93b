using System.Globalization;
using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// Checks <see cref="PredictorOptions"/> and names every bad field by its snake_case path, e.g.
/// <c>frozen_epochs: must be in [0, epochs] (got 400)</c>.
/// </summary>
public sealed class PredictorOptionsValidator : ISpecValidator<PredictorOptions>
{
    public static PredictorOptionsValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(PredictorOptions options)
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

        Check(options.HiddenUnits >= 1, "hidden_units", "must be at least 1", options.HiddenUnits);
        Check(options.PretrainEpochs >= 0, "pretrain_epochs", "must not be negative", options.PretrainEpochs);
        Check(options.Epochs >= 1, "epochs", "must be at least 1", options.Epochs);
        Check(options.FrozenEpochs >= 0 && options.FrozenEpochs <= options.Epochs, "frozen_epochs", "must be in [0, epochs]", options.FrozenEpochs);
        Check(options.LearningRate > 0 && double.IsFinite(options.LearningRate), "learning_rate", "must be positive", options.LearningRate);
        Check(options.HuberDelta > 0 && double.IsFinite(options.HuberDelta), "huber_delta", "must be positive", options.HuberDelta);
        Check(options.BatchSize >= 1, "batch_size", "must be at least 1", options.BatchSize);
        return problems;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(PredictorOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new SpecException("predictor options", null, problems);
        }
    }
}
