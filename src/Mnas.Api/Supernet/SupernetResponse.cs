namespace Mnas.Api.Supernet;

/// <summary>
/// A differentiable campaign's supernet: the strategy, the candidates of every searchable layer (the spec's
/// <c>dnas.candidates</c>), FBNetV2's width multipliers and input resolutions (fbnetv2 only, null for fbnet), the attempts
/// made at it, the epochs planned and done, whether it is trained, every epoch recorded, and once trained its posterior.
/// The search state itself (weights, θ, optimiser states) is never served.
/// </summary>
/// <param name="Candidates">The columns of every epoch's distributions; empty when the stored spec cannot be read and there is no posterior.</param>
/// <param name="EpochsPlanned">The spec's <c>dnas.epochs</c>; null when the stored spec cannot be read.</param>
/// <param name="Posterior">P_θ as the trained supernet left it; null until it is trained (or when its record cannot be read).</param>
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
    SupernetPosteriorItem? Posterior);
