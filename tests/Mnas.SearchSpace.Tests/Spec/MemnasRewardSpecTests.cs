using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>The memory reward's settings (reward.kind memory): the kind from its list, λ and the reference accuracy in range, the reference network a sample of the space.</summary>
public class MemnasRewardSpecTests
{
    [Fact]
    public void a_memory_reward_loads_from_yaml_and_goes_through_the_writer_and_back()
    {
        var spec = CampaignSpecLoader.FromYaml("""
            reward:
              kind: memory
              memory_lambda: 0.25
              memory_reference: smallest
              reference_accuracy: 0.9
            """);

        Assert.Equal((RewardSpec.MemoryKind, 0.25, "smallest", 0.9),
            (spec.Reward.Kind, spec.Reward.MemoryLambda, spec.Reward.MemoryReference, spec.Reward.ReferenceAccuracy));
        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
    }

    [Theory]
    [InlineData("kind: energy", "reward.kind: unknown reward kind 'energy' (known: latency, memory)")]
    [InlineData("kind: Memory", "reward.kind: unknown reward kind 'Memory' (known: latency, memory)")]
    [InlineData("memory_lambda: -0.1", "reward.memory_lambda: must be in [0, 1] (got -0.1)")]
    [InlineData("memory_lambda: 1.5", "reward.memory_lambda: must be in [0, 1] (got 1.5)")]
    [InlineData("reference_accuracy: 0", "reward.reference_accuracy: must be in (0, 1] (got 0)")]
    [InlineData("reference_accuracy: 1.01", "reward.reference_accuracy: must be in (0, 1] (got 1.01)")]
    [InlineData("{kind: memory, memory_reference: largest}", "reward.memory_reference: must be mobilenet_v2, smallest or a sample of the space (got 'largest')")]
    public void a_setting_outside_its_range_is_refused_under_its_path(string setting, string line)
    {
        var yaml = setting.StartsWith('{') ? "reward: " + setting + "\n" : "reward:\n  " + setting + "\n";

        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml(yaml));

        Assert.Equal([line], Problems.Lines(error.Problems));
    }

    [Fact]
    public void the_settings_at_their_bounds_are_accepted()
    {
        foreach (var reward in new[]
        {
            new RewardSpec { Kind = RewardSpec.MemoryKind, MemoryLambda = 0, ReferenceAccuracy = 1e-9 },
            new RewardSpec { Kind = RewardSpec.MemoryKind, MemoryLambda = 1, ReferenceAccuracy = 1 },
        })
        {
            Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Reward = reward }));
        }
    }

    [Fact]
    public void null_is_refused_for_the_kind_and_the_reference()
    {
        var refused = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"reward": {"kind": null, "memory_reference": null, "memory_lambda": null}}"""));
        Assert.Equal(["reward.kind: must not be null", "reward.memory_reference: must not be null", "reward.memory_lambda: must not be null"],
            Problems.Lines(refused.Problems));

        Assert.Equal(["reward.kind: must not be null", "reward.memory_reference: must not be null"],
            Problems.Lines(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Reward = new RewardSpec { Kind = null!, MemoryReference = null! } })));
    }

    [Fact]
    public void the_reference_network_is_looked_up_in_the_space_only_for_the_memory_reward()
    {
        // The custom space has no mbconv1, so mobilenet_v2 (the default reference) is no sample of it.
        Assert.Empty(CampaignSpecValidator.Instance.Validate(SampleSpecs.Custom));

        var memory = SampleSpecs.Custom with { Reward = SampleSpecs.Custom.Reward with { Kind = RewardSpec.MemoryKind } };
        Assert.Equal(["reward.memory_reference: mobilenet_v2 needs the space to offer op mbconv1"], Problems.Lines(CampaignSpecValidator.Instance.Validate(memory)));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(memory with { Reward = memory.Reward with { MemoryReference = "smallest" } }));
    }
}
