using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.Spec;

public class CampaignSpecDefaultsTests
{
    [Fact]
    public void the_default_spec_is_valid()
    {
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
    }

    [Fact]
    public void the_default_choice_lists_are_mnasnets()
    {
        var space = new CampaignSpec().SearchSpace;

        Assert.Equal(["conv", "dwconv", "mbconv1", "mbconv3", "mbconv6"], space.Ops);
        Assert.Equal([3, 5], space.Kernels);
        Assert.Equal([0.0, 0.25], space.SeRatios);
        Assert.Equal(["none", "identity", "pooling"], space.Skips);
        Assert.Equal([0.75, 1.0, 1.25], space.Widths);
        Assert.Equal([-1, 0, 1], space.LayerDeltas);
    }

    [Fact]
    public void the_default_skeleton_is_mobilenet_v2_with_relu()
    {
        var skeleton = new CampaignSpec().Skeleton;

        Assert.Equal(32, skeleton.StemChannels);
        Assert.Equal(2, skeleton.StemStride);
        Assert.Equal(
            [new(16, 1, 1), new(24, 2, 2), new(32, 3, 2), new(64, 4, 2), new(96, 3, 1), new(160, 3, 2), new SkeletonBlockSpec(320, 1, 1)],
            skeleton.Blocks);
        Assert.Equal(1280, skeleton.HeadChannels);
        Assert.Equal("relu", skeleton.Activation);
        Assert.Equal(0.2, skeleton.Dropout);
    }

    [Fact]
    public void the_default_target_proxy_and_reward_are_the_papers()
    {
        var spec = new CampaignSpec();

        Assert.Equal(new InputShape(3, 224, 224), spec.Target.Input);
        Assert.Equal(1000, spec.Target.Classes);
        Assert.Equal(
            new ProxySpec
            {
                Dataset = "fashion-mnist",
                Epochs = 5,
                BatchSize = 64,
                TrainSubsetSize = null,
                ValidationFraction = 0.1,
                LearningRate = 0.05,
                Momentum = 0.9,
                WeightDecay = 4e-5,
                LabelSmoothing = 0,
                Seed = 0,
            },
            spec.Proxy);
        Assert.Equal(75, spec.Reward.LatencyTargetMs);
        Assert.Equal(-0.07, spec.Reward.Alpha);
        Assert.Equal(-0.07, spec.Reward.Beta);
    }

    [Fact]
    public void two_default_specs_are_equal_although_their_lists_are_separate_objects()
    {
        var copy = new CampaignSpec() with { SearchSpace = new SearchSpaceSpec { Kernels = new List<int> { 3, 5 } } };

        Assert.Equal(new CampaignSpec(), copy);
        Assert.NotEqual(new CampaignSpec(), copy with { SearchSpace = new SearchSpaceSpec { Kernels = [3] } });
    }
}
