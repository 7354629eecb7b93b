using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.GrowTrim;

/// <summary>
/// Whether a block's skip adds any edge to the built network, by <see cref="SkipOp"/>'s rules: pooling gives every layer a
/// shortcut; identity only the layers whose input and output shapes match, that is every layer after the first (stride 1,
/// the block's channels in and out) and the first when its stride is 1 and its input has the block's channels.
/// </summary>
internal static class SkipEdges
{
    /// <param name="block">The frozen block.</param>
    /// <param name="inChannels">Its first layer's input channels: the previous block's, or the stem's for the first block.</param>
    public static bool Any(BlockSpec block, int inChannels) => block.Skip switch
    {
        SkipOp.None => false,
        SkipOp.Identity => block.Layers > 1 || (block.Stride == 1 && inChannels == block.Channels),
        _ => true,
    };
}
