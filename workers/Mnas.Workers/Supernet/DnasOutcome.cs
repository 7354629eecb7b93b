namespace Mnas.Workers.Supernet;

/// <summary>
/// A finished search: the epochs this run trained (after a resume, only those), P_θ per position (and over each
/// position's widths, with a channel search; over the input resolutions, with a resolution search), the expected
/// latency under it (ms), and the sampled architectures.
/// </summary>
public sealed record DnasOutcome(
    IReadOnlyList<DnasEpoch> Epochs,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<double>? ResolutionDistribution,
    double ExpectedLatencyMs,
    IReadOnlyList<SampledArchitecture> Sampled);
