namespace Mnas.Api.Supernet;

/// <summary>
/// A campaign's supernet: the strategy, the candidates of every searchable layer (the spec's <c>dnas.candidates</c>, for
/// bn-nas <c>bnnas.candidates</c>), FBNetV2's width multipliers and input resolutions (fbnetv2 only, null otherwise), the
/// attempts made at it, the epochs planned and done, whether it is trained, every epoch recorded, once trained its
/// posterior, and for bn-nas the evolution searched over it. The search state itself (weights, θ, optimiser states) is
/// never served.
/// </summary>
/// <param name="Candidates">The columns of every epoch's distributions; empty when the stored spec cannot be read and there is no posterior.</param>
/// <param name="EpochsPlanned">The spec's <c>dnas.epochs</c>, for bn-nas the epochs <c>bnnas</c> trains; null when the stored spec cannot be read.</param>
/// <param name="Posterior">P_θ as the trained supernet left it; null until it is trained (or when its record cannot be read).</param>
/// <param name="Evolution">bn-nas: the evolution over the trained supernet's BN indicator; null until it is recorded (or when its record cannot be read), and for fbnet and fbnetv2.</param>
public sealed record SupernetResponse(
    string Strategy,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<double>? Widths,
    IReadOnlyList<int>? Resolutions,
    int Attempts,
    int? EpochsPlanned,
    int EpochsDone,
    bool Trained,
    IReadOnlyList<SupernetEpochItem> Epochs,
    SupernetPosteriorItem? Posterior,
    SupernetEvolutionItem? Evolution = null);
