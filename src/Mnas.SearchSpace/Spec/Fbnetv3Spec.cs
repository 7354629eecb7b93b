namespace Mnas.SearchSpace.Spec;

/// <summary>
/// How an FBNetV3 campaign (<c>strategy: fbnetv3</c>) searches architectures and training recipes together: the recipe
/// space; the predictor (hidden units, its pretraining on free labels of random architectures, its fitting on trained
/// children: epochs, the first of them with the encoder frozen, learning rate); the coarse stage (rounds of children, each
/// picked from a Sobol pool — the first round by the sequence alone, later ones by the predictor); the fine stage (an
/// adaptive evolution over the predictor: population, the top K kept, mutation probability, at most so many iterations,
/// stopping when the best predicted accuracy improves by less than the threshold) and the final children trained for real;
/// and the constraints every pair must meet (latency from the lookup table of the target's device class — none given:
/// <c>reward.latency_target_ms</c> —, parameters, multiply-adds, peak activation bytes).
/// </summary>
public sealed record Fbnetv3Spec
{
    public RecipeSpaceSpec Recipe { get; init; } = new();

    public int HiddenUnits { get; init; } = 64;

    /// <summary>Random architectures (with random recipes) whose parameters and multiply-adds pretrain the encoder.</summary>
    public int PretrainArchitectures { get; init; } = 2000;

    public int PretrainEpochs { get; init; } = 40;

    public int PredictorEpochs { get; init; } = 300;

    /// <summary>The first of <see cref="PredictorEpochs"/>, in which only the accuracy head trains (the encoder frozen).</summary>
    public int FrozenEpochs { get; init; } = 100;

    public double PredictorLearningRate { get; init; } = 0.003;

    public int Rounds { get; init; } = 3;

    public int ChildrenPerRound { get; init; } = 8;

    /// <summary>The Sobol points a round picks its children from (those that meet the constraints).</summary>
    public int Pool { get; init; } = 512;

    public int Population { get; init; } = 64;

    public int TopK { get; init; } = 16;

    public double MutationProbability { get; init; } = 0.2;

    public int MaxIterations { get; init; } = 30;

    /// <summary>The fine stage stops when an iteration raises the best predicted accuracy by less than this.</summary>
    public double Threshold { get; init; } = 0.001;

    /// <summary>The best pairs of the fine stage, trained for real as the campaign's last children.</summary>
    public int FinalChildren { get; init; } = 4;

    public double? MaxLatencyMs { get; init; }

    public long? MaxParams { get; init; }

    public long? MaxMacs { get; init; }

    public long? MaxPeakActivationBytes { get; init; }

    /// <summary>The children the campaign trains: every coarse round's and the final ones.</summary>
    public int TrainedChildren() => Rounds * ChildrenPerRound + FinalChildren;
}
