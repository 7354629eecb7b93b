using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet's frames for a campaign: its skeleton (stem, each block's channels, layer count and first stride,
/// head, activation, dropout) at the target's input and classes, where latency is looked up, and the same cut to the
/// proxy dataset (<see cref="ArchitectureViews.Proxy"/>), where the supernet trains.
/// </summary>
public static class SupernetFrames
{
    public static Architecture Target(CampaignSpec spec)
    {
        EnumNames<Activation>.TryParse(spec.Skeleton.Activation, out var activation);
        var skeleton = spec.Skeleton;
        return new Architecture($"{spec.Name}-supernet", spec.Target.Input, spec.Target.Classes, skeleton.StemChannels, skeleton.StemStride,
            skeleton.Blocks.Select(b => new BlockSpec(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, b.Channels, b.Layers, b.Stride)).ToList(),
            skeleton.HeadChannels, activation, skeleton.Dropout);
    }

    public static Architecture Proxy(CampaignSpec spec, InputShape input, int classes) => ArchitectureViews.Proxy(Target(spec), input, classes);
}
