namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The fixed network the choices apply to: stem, the blocks' base channels, layers and first stride, and head.
/// Defaults are MobileNetV2-1.0's: stem 3×3 conv 32 s2; blocks (c, n, s) = (16,1,1), (24,2,2), (32,3,2), (64,4,2),
/// (96,3,1), (160,3,2), (320,1,1); head 1×1 conv 1280. (MobileNetV2's expansion ratios are not here: the op
/// choice sets each block's expansion.) The activation defaults to relu, as MnasNet uses; relu6 gives MobileNetV2's.
/// </summary>
public sealed record SkeletonSpec
{
    public int StemChannels { get; init; } = 32;

    public int StemStride { get; init; } = 2;

    public IReadOnlyList<SkeletonBlockSpec> Blocks { get; init; } =
    [
        new(16, 1, 1),
        new(24, 2, 2),
        new(32, 3, 2),
        new(64, 4, 2),
        new(96, 3, 1),
        new(160, 3, 2),
        new(320, 1, 1),
    ];

    public int HeadChannels { get; init; } = 1280;

    /// <summary>relu, relu6 or hardswish.</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Dropout before the classifier, in [0, 1).</summary>
    public double Dropout { get; init; } = 0.2;

    public bool Equals(SkeletonSpec? other) =>
        other is not null && StemChannels == other.StemChannels && StemStride == other.StemStride &&
        Sequences.Equal(Blocks, other.Blocks) && HeadChannels == other.HeadChannels &&
        Activation == other.Activation && Dropout.Equals(other.Dropout);

    public override int GetHashCode() => HashCode.Combine(StemChannels, StemStride, Blocks?.Count, HeadChannels, Activation, Dropout);
}
