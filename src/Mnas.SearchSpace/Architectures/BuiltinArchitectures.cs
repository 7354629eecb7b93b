namespace Mnas.SearchSpace.Architectures;

/// <summary>Named reference architectures, at their published input (224×224×3) and class count (1000).</summary>
public static class BuiltinArchitectures
{
    public static readonly InputShape ImageNetInput = new(3, 224, 224);
    public const int ImageNetClasses = 1000;

    /// <summary>MobileNetV2 at width 1.0 (Sandler et al. 2018): 3,504,872 parameters, ~300M multiply-adds.</summary>
    public static Architecture MobileNetV2 { get; } = new(
        "mobilenet_v2", ImageNetInput, ImageNetClasses, StemChannels: 32, StemStride: 2,
        Blocks:
        [
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 1, 1),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 24, 2, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 32, 3, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 64, 4, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 96, 3, 1),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 160, 3, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 320, 1, 1),
        ],
        HeadChannels: 1280, Activation: Activation.ReLU6, Dropout: 0.2);

    /// <summary>MnasNet-A1 as published (Tan et al. 2019, figure 7): ~3.9M parameters, ~312M multiply-adds.</summary>
    public static Architecture MnasNetA1 { get; } = new(
        "mnasnet_a1", ImageNetInput, ImageNetClasses, StemChannels: 32, StemStride: 2,
        Blocks:
        [
            new(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Identity, 16, 1, 1),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 24, 2, 2),
            new(ConvOp.MBConv, 3, 5, 0.25, SkipOp.Identity, 40, 3, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 80, 4, 2),
            new(ConvOp.MBConv, 6, 3, 0.25, SkipOp.Identity, 112, 2, 1),
            new(ConvOp.MBConv, 6, 5, 0.25, SkipOp.Identity, 160, 3, 2),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 320, 1, 1),
        ],
        HeadChannels: 1280, Activation: Activation.ReLU, Dropout: 0.2);

    public static IReadOnlyDictionary<string, Architecture> ByName { get; } = new Dictionary<string, Architecture>
    {
        [MobileNetV2.Name] = MobileNetV2,
        [MnasNetA1.Name] = MnasNetA1,
    };
}
