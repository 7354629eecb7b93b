namespace Mnas.Api.Supernet;

/// <summary>
/// One finished epoch of a supernet: the attempt that trained it, its Gumbel-softmax temperature τ, the mean loss and
/// cross-entropy of its weight steps, whether θ trained (not in warm-up), the expected latency under P_θ at its end,
/// P_θ per searchable layer over the candidates ([layer][candidate]), over each layer's widths ([layer][width]) and over
/// the input resolutions when those are searched (fbnetv2), its wall time in seconds and when it finished. A single-path
/// supernet's epoch (bn-nas) has τ 0, θ never trained and its uniform sampling distribution as the distributions, and
/// adds the BN indicator and the ranking distance.
/// </summary>
/// <param name="Scores">bn-nas: [layer][candidate], the mean |γ| of each candidate's last batch norm after the epoch; null for fbnet and fbnetv2.</param>
/// <param name="RankingDistance">
/// bn-nas: how far the layers' candidate rankings by the indicator moved since the epoch before (the mean over layers of
/// the share of candidate pairs ordered differently, 0 to 1); null for the first epoch, and for fbnet and fbnetv2.
/// </param>
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
    DateTimeOffset At,
    IReadOnlyList<IReadOnlyList<double>>? Scores = null,
    double? RankingDistance = null);
