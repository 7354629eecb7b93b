namespace Mnas.Api.Supernet;

/// <summary>
/// What a trained supernet leaves, from which the campaign draws its children: P_θ over the candidates at every
/// searchable layer, with a channel search P_θ over each layer's widths, with a resolution search P_θ over the input
/// resolutions, the expected latency under it (ms) and the epochs it trained. A single-path supernet (bn-nas) leaves its
/// uniform sampling distribution there, and the BN indicator and cost table its evolution searched.
/// </summary>
/// <param name="Scores">bn-nas: [layer][candidate], the mean |γ| of each candidate's last batch norm (0 where the layer does not offer it); null otherwise.</param>
/// <param name="Costs">bn-nas: what every candidate at every layer costs, and the fixed part; null otherwise.</param>
public sealed record SupernetPosteriorItem(
    IReadOnlyList<string> Candidates,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<double>? Widths,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<int>? Resolutions,
    IReadOnlyList<double>? ResolutionDistribution,
    double ExpectedLatencyMs,
    int Epochs,
    IReadOnlyList<IReadOnlyList<double>>? Scores = null,
    SupernetCostsItem? Costs = null);
