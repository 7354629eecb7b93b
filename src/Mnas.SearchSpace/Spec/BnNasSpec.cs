namespace Mnas.SearchSpace.Spec;

/// <summary>
/// How a BN-NAS campaign (<c>strategy: bn-nas</c>) searches: the candidate blocks of every searchable layer (each must
/// end with a batch norm, so skip is not one), the single-path supernet's epochs as full SPOS training would run them,
/// how it trains (<c>bn</c>: only the batch norms' γ and β, for <see cref="BnShare"/> of those epochs; <c>full</c>:
/// every weight, for all of them), the evolution over the BN indicator (population, iterations, parents, mutation
/// probability), the constraints a found subnet must meet (latency from the lookup table of the target's device class,
/// none given: <c>reward.latency_target_ms</c>; parameters, multiply-adds and peak activation bytes: none unless given),
/// and how many of the best subnets are trained from scratch as children.
/// </summary>
public sealed record BnNasSpec
{
    public const string BnTraining = "bn";
    public const string FullTraining = "full";

    /// <summary>FBNet's candidates less skip, which ends with no batch norm to score.</summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } =
        [.. Supernet.SupernetCandidate.DefaultNames.Where(n => n != Supernet.SupernetCandidate.SkipName)];

    public IReadOnlyList<string> Candidates { get; init; } = DefaultCandidates;

    /// <summary>The supernet's epochs under full SPOS training; BN-only training runs <see cref="BnEpochs"/> of them.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The share of <see cref="Epochs"/> that BN-only training runs (BN-NAS: about a tenth).</summary>
    public double BnShare { get; init; } = 0.1;

    /// <summary><c>bn</c> (BN-NAS) or <c>full</c> (SPOS: every weight trains).</summary>
    public string Training { get; init; } = BnTraining;

    public int Population { get; init; } = 50;

    public int Iterations { get; init; } = 20;

    /// <summary>How many of the best of a generation breed the next.</summary>
    public int Parents { get; init; } = 10;

    /// <summary>The chance that a mutation changes a layer's choice.</summary>
    public double MutationProbability { get; init; } = 0.1;

    /// <summary>The best subnets found, trained from scratch as children.</summary>
    public int Samples { get; init; } = 5;

    public double? MaxLatencyMs { get; init; }

    public long? MaxParams { get; init; }

    public long? MaxMacs { get; init; }

    public long? MaxPeakActivationBytes { get; init; }

    /// <summary>The epochs the supernet trains: all of <see cref="Epochs"/> in full training, the share (at least one) in BN-only training.</summary>
    public int TrainedEpochs() => Training == FullTraining ? Epochs : BnEpochs(Epochs, BnShare);

    public static int BnEpochs(int epochs, double share) => Math.Max(1, (int)Math.Round(epochs * share, MidpointRounding.AwayFromZero));

    public bool Equals(BnNasSpec? other) =>
        other is not null && Sequences.Equal(Candidates, other.Candidates) && Epochs == other.Epochs && BnShare.Equals(other.BnShare) &&
        Training == other.Training && Population == other.Population && Iterations == other.Iterations && Parents == other.Parents &&
        MutationProbability.Equals(other.MutationProbability) && Samples == other.Samples && MaxLatencyMs.Equals(other.MaxLatencyMs) &&
        MaxParams == other.MaxParams && MaxMacs == other.MaxMacs && MaxPeakActivationBytes == other.MaxPeakActivationBytes;

    public override int GetHashCode() => HashCode.Combine(Candidates?.Count, Epochs, Training, Population, Iterations, Samples);
}
