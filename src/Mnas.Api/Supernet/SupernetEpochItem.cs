namespace Mnas.Api.Supernet;

/// <summary>
/// One finished epoch of a supernet: the attempt that trained it, its Gumbel-softmax temperature τ, the mean loss and
/// cross-entropy of its weight steps, whether θ trained (not in warm-up), the expected latency under P_θ at its end,
/// P_θ per searchable layer over the candidates ([layer][candidate]), over each layer's widths ([layer][width]) and over
/// the input resolutions when those are searched (fbnetv2), its wall time in seconds and when it finished.
/// </summary>
public sealed record SupernetEpochItem(
    int Epoch,
    int Attempt,
    double Temperature,
    double Loss,
    double CrossEntropy,
    bool ThetaTrained,
    double ExpectedLatencyMs,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<double>? ResolutionDistribution,
    double Seconds,
    DateTimeOffset At);
