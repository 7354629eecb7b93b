using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>Specs used across the tests.</summary>
public static class SampleSpecs
{
    /// <summary>A spec that differs from the defaults in every section.</summary>
    public static CampaignSpec Custom { get; } = new()
    {
        Name = "small-search",
        SearchSpace = new SearchSpaceSpec { Ops = ["dwconv", "mbconv6"], Kernels = [3, 5, 7], SeRatios = [0, 0.25, 0.5], Skips = ["identity"], Widths = [0.5, 1.0], LayerDeltas = [0, 1, 2] },
        Skeleton = new SkeletonSpec { StemChannels = 16, StemStride = 1, Blocks = [new(16, 1, 1), new(32, 2, 2)], HeadChannels = 640, Activation = "relu6", Dropout = 0.1 },
        Target = new TargetSpec { Input = new InputShape(1, 28, 28), Classes = 10, DeviceClass = "cuda-a100" },
        Proxy = new ProxySpec
        {
            Dataset = "mnist",
            Epochs = 2,
            BatchSize = 64,
            TrainSubsetSize = 5000,
            ValidationFraction = 0.2,
            LearningRate = 0.1,
            Momentum = 0.8,
            WeightDecay = 1e-4,
            LabelSmoothing = 0.1,
            Seed = 42,
        },
        Reward = new RewardSpec { LatencyTargetMs = 20, Alpha = 0, Beta = -1 },
    };
}
