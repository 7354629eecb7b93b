namespace Mnas.SearchSpace.Architectures;

/// <summary>
/// A concrete network: stem convolution, blocks, 1×1 head convolution, global average pool,
/// dropout and a linear classifier. Pure data: the model builder and the cost analysis both read it.
/// </summary>
public sealed record Architecture(
    string Name,
    InputShape Input,
    int Classes,
    int StemChannels,
    int StemStride,
    IReadOnlyList<BlockSpec> Blocks,
    int HeadChannels,
    Activation Activation = Activation.ReLU,
    double Dropout = 0.2)
{
    public bool Equals(Architecture? other) =>
        other is not null && Name == other.Name && Input == other.Input && Classes == other.Classes && StemChannels == other.StemChannels &&
        StemStride == other.StemStride && Blocks.SequenceEqual(other.Blocks) && HeadChannels == other.HeadChannels &&
        Activation == other.Activation && Dropout.Equals(other.Dropout);

    public override int GetHashCode() => HashCode.Combine(Name, Input, Classes, StemChannels, Blocks.Count, HeadChannels);
}
