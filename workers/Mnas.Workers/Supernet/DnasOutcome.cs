namespace Mnas.Workers.Supernet;

/// <summary>
/// A finished search: the epochs this run trained (after a resume, only those), P_θ per position, the expected latency
/// under it (ms), and the sampled architectures.
/// </summary>
public sealed record DnasOutcome(
    IReadOnlyList<DnasEpoch> Epochs,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    double ExpectedLatencyMs,
    IReadOnlyList<SampledArchitecture> Sampled);
