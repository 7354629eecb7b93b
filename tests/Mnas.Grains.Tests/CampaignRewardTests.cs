using Mnas.Costs.Memory;
using Mnas.Grains.Campaigns;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Grains.Tests;

/// <summary>
/// A finished child's reward by the campaign's reward.kind: latency is ACC·(LAT/T)^w as before; memory is
/// λ·(a − a_ref)/a_ref − (1 − λ)·[(r − r_ref)/r_ref + (p − p_ref)/p_ref] of the child's target view against the reference
/// network's, each expected value worked out here from the two footprints.
/// </summary>
public sealed class CampaignRewardTests
{
    private static readonly CampaignSpec Spec = new()
    {
        Name = "reward",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(24, 2, 2)], HeadChannels = 32 },
        Bnnas = new BnNasSpec { Candidates = ["k3_e1", "k3_e3", "k5_e6"] },
    };

    private static CampaignSpec Memory(double lambda, string reference = NamedSamples.MobileNetV2, double referenceAccuracy = 0.8) =>
        Spec with
        {
            Reward = new RewardSpec
            {
                Kind = RewardSpec.MemoryKind, MemoryLambda = lambda, MemoryReference = reference, ReferenceAccuracy = referenceAccuracy,
            },
        };

    private static CampaignReward RewardOf(CampaignSpec spec, string strategy = "rl") =>
        CampaignReward.For(spec, new ModelSpace(spec), CampaignArchitectures.For(spec, strategy));

    private static double ByHand(double lambda, double accuracy, MemoryFootprint memory, double referenceAccuracy, MemoryFootprint reference) =>
        lambda * (accuracy - referenceAccuracy) / referenceAccuracy -
        (1 - lambda) * ((double)(memory.PeakActivationBytes - reference.PeakActivationBytes) / reference.PeakActivationBytes +
                        (double)(memory.ParamBytes - reference.ParamBytes) / reference.ParamBytes);

    [Fact]
    public void a_memory_reward_is_the_memory_efficiency_of_the_childs_target_view_against_mobilenet_v2()
    {
        var spec = Memory(0.3);
        var space = new ModelSpace(spec);
        var reward = RewardOf(spec);
        var reference = MemoryFootprint.Of(space.Freeze(NamedSamples.Resolve(space, NamedSamples.MobileNetV2)));

        Assert.Equal(reference, reward.Reference);
        Assert.True(reward.NeedsArchitecture);
        for (var seed = 0; seed < 4; seed++)
        {
            var child = space.Random(new Random(seed));
            var memory = MemoryFootprint.Of(space.Freeze(child));
            Assert.NotEqual(reference, memory);
            Assert.Equal(ByHand(0.3, 0.6, memory, 0.8, reference), reward.Of(child.Canonical, 0.6, 12), 12);
        }
    }

    [Fact]
    public void lambda_one_rewards_accuracy_alone_whatever_the_childs_memory()
    {
        var spec = Memory(1);
        var space = new ModelSpace(spec);
        var reward = RewardOf(spec);
        var small = NamedSamples.Resolve(space, NamedSamples.Smallest);
        var large = space.Random(new Random(3));
        Assert.NotEqual(MemoryFootprint.Of(space.Freeze(small)), MemoryFootprint.Of(space.Freeze(large)));

        // (0.6 − 0.8) / 0.8 = −0.25; (0.9 − 0.8) / 0.8 = 0.125
        Assert.Equal(-0.25, reward.Of(small.Canonical, 0.6, 12), 12);
        Assert.Equal(-0.25, reward.Of(large.Canonical, 0.6, 12), 12);
        Assert.Equal(0.125, reward.Of(large.Canonical, 0.9, 300), 12);
    }

    [Fact]
    public void the_reference_at_its_own_accuracy_scores_zero_and_a_smaller_network_at_that_accuracy_scores_above_it()
    {
        var spec = Memory(0.5);
        var space = new ModelSpace(spec);
        var reward = RewardOf(spec);

        Assert.Equal(0, reward.Of(NamedSamples.Resolve(space, NamedSamples.MobileNetV2).Canonical, 0.8, 12), 12);
        Assert.True(reward.Of(NamedSamples.Resolve(space, NamedSamples.Smallest).Canonical, 0.8, 12) > 0);
    }

    [Fact]
    public void the_reference_may_be_the_smallest_network_or_a_sample_spelt_out()
    {
        var space = new ModelSpace(Spec);
        var sample = space.Random(new Random(11));

        Assert.Equal(MemoryFootprint.Of(space.Freeze(NamedSamples.Resolve(space, NamedSamples.Smallest))), RewardOf(Memory(0.5, NamedSamples.Smallest)).Reference);
        Assert.Equal(MemoryFootprint.Of(space.Freeze(sample)), RewardOf(Memory(0.5, sample.Canonical)).Reference);
    }

    [Fact]
    public void a_supernet_childs_memory_is_that_of_the_target_view_its_name_gives()
    {
        var spec = Memory(0.4);
        var space = new ModelSpace(spec);
        var architectures = CampaignArchitectures.For(spec, SupernetStrategies.BnNas);
        var reward = CampaignReward.For(spec, space, architectures);
        var name = new SupernetChildName(["k5_e6", "k3_e1", "k3_e3", "k3_e1"]).ToString();
        var memory = MemoryFootprint.Of(architectures.Target(name));
        var reference = MemoryFootprint.Of(space.Freeze(NamedSamples.Resolve(space, NamedSamples.MobileNetV2)));

        Assert.Equal(ByHand(0.4, 0.7, memory, 0.8, reference), reward.Of(name, 0.7, 12), 12);
    }

    [Fact]
    public void a_latency_reward_is_still_acc_times_lat_over_t_to_the_w_and_reads_no_architecture()
    {
        var spec = Spec with { Reward = new RewardSpec { LatencyTargetMs = 20, Alpha = -0.07, Beta = -0.5 } };
        var reward = RewardOf(spec);

        Assert.Null(reward.Reference);
        Assert.False(reward.NeedsArchitecture);
        Assert.Equal(0.6 * Math.Pow(10.0 / 20, -0.07), reward.Of(null, 0.6, 10), 12);
        Assert.Equal(0.6 * Math.Pow(40.0 / 20, -0.5), reward.Of(null, 0.6, 40), 12);
    }

    [Fact]
    public void a_kind_or_reference_it_cannot_reward_by_is_refused_naming_the_field_even_past_the_specs_validation()
    {
        // The spec's validation refuses both first (a ModelSpace is only made of a valid spec); the reward does not rely on it.
        var space = new ModelSpace(Spec);
        var architectures = CampaignArchitectures.For(Spec, "rl");

        var kind = Assert.Throws<ArgumentException>(() => CampaignReward.For(Spec with { Reward = new RewardSpec { Kind = "energy" } }, space, architectures));
        Assert.Contains("reward.kind", kind.Message);
        Assert.Contains("energy", kind.Message);

        var reference = Assert.Throws<ArgumentException>(() => CampaignReward.For(Memory(0.5, "b1.op=nonsense"), space, architectures));
        Assert.Contains("reward.memory_reference", reference.Message);

        var withoutMbconv6 = new ModelSpace(Spec with { SearchSpace = new SearchSpaceSpec { Ops = ["conv", "dwconv"] } });
        var mobilenet = Assert.Throws<ArgumentException>(() => CampaignReward.For(Memory(0.5), withoutMbconv6, architectures));
        Assert.Contains("reward.memory_reference", mobilenet.Message);
        Assert.Contains("mbconv6", mobilenet.Message);
    }
}
