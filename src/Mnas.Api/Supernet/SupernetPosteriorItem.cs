namespace Mnas.Api.Supernet;

/// <summary>
/// What a trained supernet leaves, from which the campaign draws its children: P_θ over the candidates at every
/// searchable layer, with a channel search P_θ over each layer's widths, with a resolution search P_θ over the input
/// resolutions, the expected latency under it (ms) and the epochs it trained.
/// </summary>
public sealed record SupernetPosteriorItem(
    IReadOnlyList<string> Candidates,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<double>? Widths,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<int>? Resolutions,
    IReadOnlyList<double>? ResolutionDistribution,
    double ExpectedLatencyMs,
    int Epochs);
