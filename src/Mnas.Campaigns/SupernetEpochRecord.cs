namespace Mnas.Campaigns;

/// <summary>
/// One finished epoch of a campaign's supernet: the attempt that trained it, its Gumbel-softmax temperature τ, the mean
/// loss and cross-entropy of its weight steps, whether θ trained (not in warm-up), the expected latency under P_θ at its
/// end (ms), P_θ per searchable layer over the candidates, P_θ over each layer's widths (channel search) and over the
/// input resolutions (resolution search) when searched, and its wall time.
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
    DateTimeOffset At);
