namespace Mnas.Campaigns;

/// <summary>
/// One finished epoch of a campaign's supernet: the attempt that trained it, its Gumbel-softmax temperature τ, the mean
/// loss and cross-entropy of its weight steps, whether θ trained (not in warm-up), the expected latency under P_θ at its
/// end (ms), P_θ per searchable layer over the candidates, P_θ over each layer's widths (channel search) and over the
/// input resolutions (resolution search) when searched, and its wall time. A single-path supernet's epoch (BN-NAS) has
/// temperature 0, θ never trained, its sampling distribution (uniform over what each layer offers) and the expected
/// latency under it, and also the BN indicator of every candidate at every layer (<see cref="Scores"/>) and the
/// distance between the layers' candidate rankings by it after this epoch and after the one before
/// (<see cref="RankingDistance"/>: the mean over layers of the share of candidate pairs ordered differently; none for
/// the first epoch).
/// </summary>
public sealed record SupernetEpochRecord(
    string CampaignId,
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
    DateTimeOffset At,
    IReadOnlyList<IReadOnlyList<double>>? Scores = null,
    double? RankingDistance = null);
