using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;

namespace Mnas.Benchmarks;

/// <summary>
/// What the BN-NAS benchmark runs: the proxy task's training subset and the children's epochs (the recipe every child and
/// both supernets share), the supernet's epochs under full SPOS training (BN-only training runs its share of them), how
/// many random subnets are trained from scratch, and the seed of their draw and of the evolution.
/// </summary>
internal sealed record BnNasSettings(int Subset, int ChildEpochs, int SupernetEpochs, int Subnets, int Seed)
{
    /// <summary>The batches each subnet's batch norms are recalibrated on before SPOS's validation pass.</summary>
    public const int RecalibrationBatches = 20;

    /// <summary>The random subnets trained a second time with another seed, to see how far the seed alone moves a child's accuracy.</summary>
    public const int NoiseSubnets = 3;

    /// <summary>
    /// A BN-NAS campaign's spec on Fashion-MNIST: the default MobileNetV2 skeleton and bnnas section (FBNet's candidates
    /// less skip, a tenth of the epochs BN-only, evolution 50 × 20), the target at 3×64×64 and 10 classes as in the
    /// differentiable benchmark, so that the lookup table is timed in seconds.
    /// </summary>
    public CampaignSpec Spec() => new()
    {
        Name = "bench-bnnas",
        Target = new TargetSpec { Input = new InputShape(3, 64, 64), Classes = 10 },
        Proxy = new ProxySpec { Epochs = ChildEpochs, TrainSubsetSize = Subset, BatchSize = 64 },
        Bnnas = new BnNasSpec { Epochs = SupernetEpochs },
    };
}
