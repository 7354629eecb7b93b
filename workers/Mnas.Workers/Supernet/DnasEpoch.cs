namespace Mnas.Workers.Supernet;

/// <summary>
/// One epoch of a DNAS search: its temperature, the mean loss and cross-entropy of its weight steps, whether θ trained
/// (not in warm-up), the expected latency under P_θ = softmax(θ) at its end (milliseconds), P_θ per position, with a
/// channel search each position's distribution over its widths, and with a resolution search the distribution over the
/// input resolutions (in the factors' order).
/// </summary>
public sealed record DnasEpoch(
    int Epoch,
    double Temperature,
    double Loss,
    double CrossEntropy,
    bool ThetaTrained,
    double ExpectedLatencyMs,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<double>? ResolutionDistribution,
    TimeSpan Duration);
