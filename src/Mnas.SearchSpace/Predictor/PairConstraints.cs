using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Predictor;

/// <summary>The limits an FBNetV3 architecture–recipe pair must meet; a limit left null is none.</summary>
public sealed record PairConstraints
{
    public double? MaxLatencyMs { get; init; }

    public long? MaxParams { get; init; }

    public long? MaxMacs { get; init; }

    public long? MaxPeakActivationBytes { get; init; }

    /// <summary>A campaign's constraints: the spec's fbnetv3 limits, the reward's latency target when it gives no latency limit.</summary>
    public static PairConstraints Of(CampaignSpec spec) => new()
    {
        MaxLatencyMs = spec.Fbnetv3.MaxLatencyMs ?? spec.Reward.LatencyTargetMs, MaxParams = spec.Fbnetv3.MaxParams, MaxMacs = spec.Fbnetv3.MaxMacs,
        MaxPeakActivationBytes = spec.Fbnetv3.MaxPeakActivationBytes,
    };

    public bool Allows(ArchitectureCosts costs) =>
        (MaxLatencyMs is not { } latency || costs.LatencyMs <= latency) && (MaxParams is not { } parameters || costs.Params <= parameters) &&
        (MaxMacs is not { } macs || costs.Macs <= macs) && (MaxPeakActivationBytes is not { } peak || costs.PeakActivationBytes <= peak);
}
