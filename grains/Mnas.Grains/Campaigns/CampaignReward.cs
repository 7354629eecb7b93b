using Mnas.Costs.Memory;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rewards;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// A finished child's reward by its campaign's <c>reward.kind</c>: <c>latency</c> is MnasNet's ACC·(LAT/T)^w
/// (<see cref="RewardSpec.Reward"/>); <c>memory</c> is MemNAS's memory efficiency (<see cref="MemoryEfficiency"/>) of the
/// child's target view against the reference network <c>reward.memory_reference</c> names, whose footprint is costed
/// once, when the campaign opens. A reward that is not finite is the caller's to refuse.
/// </summary>
internal sealed class CampaignReward
{
    private readonly RewardSpec reward;
    private readonly CampaignArchitectures architectures;

    private CampaignReward(RewardSpec reward, CampaignArchitectures architectures, MemoryFootprint? reference) =>
        (this.reward, this.architectures, Reference) = (reward, architectures, reference);

    /// <summary>
    /// The reward of <paramref name="spec"/>'s campaign, whose children's architectures <paramref name="architectures"/>
    /// reads; a memory reward's reference is a sample of <paramref name="space"/> (the spec's block-wise space, which
    /// every campaign has, a supernet's too). A kind or reference the campaign cannot have is refused naming the field.
    /// </summary>
    public static CampaignReward For(CampaignSpec spec, ModelSpace space, CampaignArchitectures architectures)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(architectures);
        return spec.Reward.Kind switch
        {
            RewardSpec.LatencyKind => new CampaignReward(spec.Reward, architectures, null),
            RewardSpec.MemoryKind => new CampaignReward(spec.Reward, architectures, ReferenceOf(space, spec.Reward.MemoryReference)),
            var kind => throw new ArgumentException(
                $"reward.kind: must be one of {string.Join(", ", RewardSpec.Kinds)} (got '{kind}')", nameof(spec)),
        };
    }

    /// <summary>The memory of the network a memory reward compares children with; null for a latency reward.</summary>
    public MemoryFootprint? Reference { get; }

    /// <summary>Whether <see cref="Of"/> needs the child's architecture (a memory reward), not only its measurements.</summary>
    public bool NeedsArchitecture => Reference != null;

    /// <summary>
    /// The reward of a child of <paramref name="architecture"/> (which only a memory reward reads) measured at
    /// <paramref name="accuracy"/> and <paramref name="latencyMs"/> (positive); a memory reward costs the child's target
    /// view, a graph expansion: call it once per result.
    /// </summary>
    public double Of(string? architecture, double accuracy, double latencyMs)
    {
        if (Reference is not { } reference)
        {
            return reward.Reward(accuracy, latencyMs);
        }
        ArgumentNullException.ThrowIfNull(architecture);
        var memory = MemoryFootprint.Of(architectures.Target(architecture));
        return MemoryEfficiency.Of(reward.MemoryLambda, accuracy, memory, reward.ReferenceAccuracy, reference);
    }

    private static MemoryFootprint ReferenceOf(ModelSpace space, string name)
    {
        Sample sample;
        try
        {
            sample = NamedSamples.Resolve(space, name);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"reward.memory_reference: {e.Message}", e);
        }
        return MemoryFootprint.Of(space.Freeze(sample));
    }
}
