using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// ShuffleNet's channel shuffle, between a group convolution and the next: [N, g·c, H, W] viewed as [N, g, c, H, W],
/// the two channel dimensions swapped, and flattened back, so output channel j·g + i is input channel i·c + j and
/// the next group convolution sees every group's channels. A channels-last input is shuffled in its own layout
/// (the channel dimension is the innermost one there) and comes back channels-last, like the convolutions around it,
/// with one copy; any other input comes back contiguous.
/// </summary>
public sealed class ChannelShuffle : Module<Tensor, Tensor>
{
    public ChannelShuffle(int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        Groups = groups;
    }

    public int Groups { get; }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4)
        {
            throw new ArgumentException($"input: expected [N, C, H, W], got {input.dim()} dimensions", nameof(input));
        }
        var (n, c, h, w) = (input.size(0), input.size(1), input.size(2), input.size(3));
        if (c % Groups != 0)
        {
            throw new ArgumentException($"input: {c} channels do not split into {Groups} groups", nameof(input));
        }
        using var scope = torch.NewDisposeScope();
        Tensor shuffled;
        if (input.is_contiguous(MemoryFormat.ChannelsLast) && !input.is_contiguous())
        {
            // Stored as [N, H, W, C]: shuffle the innermost dimension, then view the result as [N, C, H, W] again.
            shuffled = input.permute(0, 2, 3, 1).view(n, h, w, Groups, c / Groups).transpose(3, 4).reshape(n, h, w, c).permute(0, 3, 1, 2);
        }
        else
        {
            shuffled = input.reshape(n, Groups, c / Groups, h, w).transpose(1, 2).reshape(n, c, h, w);
        }
        return shuffled.MoveToOuterDisposeScope();
    }
}
