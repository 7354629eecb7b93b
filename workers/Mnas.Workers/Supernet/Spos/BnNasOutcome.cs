using Mnas.SearchSpace.Supernet;

namespace Mnas.Workers.Supernet;

/// <summary>
/// A trained single-path supernet: the epochs this run trained (after a resume, only those), the BN indicator per
/// position and candidate, the distribution the paths were drawn from (uniform over what each position offers), the
/// latency the lookup table expects under it (ms), and the target's costs of every candidate at every position.
/// </summary>
public sealed record BnNasOutcome(
    IReadOnlyList<SposEpoch> Epochs,
    IReadOnlyList<IReadOnlyList<double>> Scores,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    double ExpectedLatencyMs,
    SupernetCosts Costs);
