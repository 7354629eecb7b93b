namespace Mnas.Grains.Contracts;

/// <summary>
/// A worker finished an epoch of a campaign's supernet: the epoch's figures (as the store's supernet epochs keep them)
/// and the whole search state after it (a single-path supernet's with its BN indicator and ranking distance), which the campaign keeps so that the next attempt goes on from there.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SupernetEpochReported(
    string CampaignId,
    int Attempt,
    string WorkerId,
    int Epoch,
    double Temperature,
    double Loss,
    double CrossEntropy,
    bool ThetaTrained,
    double ExpectedLatencyMs,
    IReadOnlyList<IReadOnlyList<double>> Distributions,
    IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    IReadOnlyList<double>? ResolutionDistribution,
    double Seconds,
    byte[] State,
    IReadOnlyList<IReadOnlyList<double>>? Scores = null,
    double? RankingDistance = null);
