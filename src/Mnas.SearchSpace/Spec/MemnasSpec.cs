using Mnas.SearchSpace.Space;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// How a MemNAS campaign (<c>strategy: memnas</c>) searches: from a first base network (<see cref="Base"/>: <c>mobilenet_v2</c>,
/// <c>smallest</c> or a sample of the space), each round generates every grow (one more layer in every block, or every
/// block one width step wider when <see cref="Widen"/>) and every trim (one layer of one block, or one block's skip
/// edge) of the base, ranks them with the structure-correlation controller (<see cref="HiddenUnits"/>, trained for
/// <see cref="ControllerEpochs"/> at <see cref="ControllerLearningRate"/> after every round), trains the top
/// <see cref="TopK"/> as children, and makes the best by memory efficiency (λ is <c>reward.memory_lambda</c>) the next
/// base when it beats the current one. It stops after <see cref="Rounds"/> rounds, on the campaign's budget, or after
/// <see cref="Patience"/> rounds in a row without a better base.
/// </summary>
public sealed record MemnasSpec
{
    /// <summary>The strategy that reads this section.</summary>
    public const string Strategy = "memnas";

    public string Base { get; init; } = NamedSamples.MobileNetV2;

    public int Rounds { get; init; } = 8;

    /// <summary>The candidates of a round trained as children (the controller's top k).</summary>
    public int TopK { get; init; } = 4;

    /// <summary>Rounds in a row whose best candidate does not beat the base before the search stops.</summary>
    public int Patience { get; init; } = 2;

    /// <summary>Whether growing also widens (every block to its next wider multiplier), besides deepening.</summary>
    public bool Widen { get; init; } = true;

    /// <summary>The encoder's and the ranking RNN's hidden units (the absolute predictor of the ablation has the same).</summary>
    public int HiddenUnits { get; init; } = 32;

    public int ControllerEpochs { get; init; } = 200;

    public double ControllerLearningRate { get; init; } = 0.005;

    /// <summary>The children the campaign trains at most: the base, then every round's top k.</summary>
    public int TrainedChildren() => 1 + Rounds * TopK;
}
