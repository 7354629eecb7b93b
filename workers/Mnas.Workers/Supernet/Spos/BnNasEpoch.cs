namespace Mnas.Workers.Supernet;

/// <summary>
/// One epoch of a BN-NAS job as the campaign records it: the single-path training's epoch, with the distribution its
/// paths are drawn from (uniform over what each position offers) and the latency the lookup table expects under it (ms).
/// </summary>
public sealed record BnNasEpoch(SposEpoch Training, IReadOnlyList<IReadOnlyList<double>> Distributions, double ExpectedLatencyMs);
