using Mnas.Torch;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNetV2's resolution search at a fixed tensor size: a lower resolution is made by nearest-neighbour down-sampling
/// (every s-th pixel) and zero-interspersing back to the full size, so each kept pixel stays where it was; convolutions
/// after it are dilated by s to see the same neighbourhood of kept pixels. The candidates' outputs are mixed by their
/// Gumbel-softmax weights. A size that is not a multiple of s keeps ⌈size / s⌉ pixels (rows 0, s, 2s, … below it), as
/// many as the down-sampled child's input has.
/// </summary>
public static class ResolutionMasking
{
    /// <summary>[N, C, H, W] → [N, C, ⌈H/s⌉, ⌈W/s⌉]: the pixels at rows and columns divisible by the factor s (nearest neighbour).</summary>
    public static Tensor Downsample(Tensor input, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        return factor == 1 ? input.alias() : input.slice(2, 0, input.shape[2], factor).slice(3, 0, input.shape[3], factor);
    }

    /// <summary>
    /// The reverse placement: [N, C, h, w] → [N, C, <paramref name="height"/>, <paramref name="width"/>] with pixel (i, j) at
    /// (i·s, j·s) and zeros elsewhere; h and w must be ⌈height/s⌉ and ⌈width/s⌉.
    /// </summary>
    public static Tensor Spread(Tensor low, int factor, long height, long width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var (n, c, h, w) = (low.shape[0], low.shape[1], low.shape[2], low.shape[3]);
        if (h != Kept(height, factor) || w != Kept(width, factor))
        {
            throw new ArgumentException(
                $"low: {h}×{w} pixels cannot be spread by {factor} over {height}×{width} (that keeps {Kept(height, factor)}×{Kept(width, factor)})", nameof(low));
        }
        if (factor == 1)
        {
            return low.alias();
        }
        using var scope = torch.NewDisposeScope();
        // Each pixel followed by factor − 1 zeros along the width, then each row by factor − 1 zero rows; cut to the size.
        var zeros = torch.zeros([n, c, h, w, factor - 1], low.dtype, low.device);
        var wide = torch.cat([low.unsqueeze(-1), zeros], -1).reshape(n, c, h, w * factor).narrow(3, 0, width);
        var rows = torch.zeros([n, c, h, factor - 1, width], low.dtype, low.device);
        return torch.cat([wide.unsqueeze(3), rows], 3).reshape(n, c, h * factor, width).narrow(2, 0, height).MoveToOuterDisposeScope();
    }

    /// <summary>[N, C, H, W] → the same shape, the pixels at rows and columns divisible by <paramref name="factor"/> kept, zeros elsewhere.</summary>
    public static Tensor Intersperse(Tensor input, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1)
        {
            return input.alias();
        }
        using var low = Downsample(input, factor);
        return Spread(low, factor, input.shape[2], input.shape[3]);
    }

    /// <summary>How many pixels of a side of <paramref name="size"/> a factor keeps: ⌈size / factor⌉.</summary>
    public static long Kept(long size, int factor) => (size + factor - 1) / factor;

    /// <summary>
    /// Σ_i g_i · f(Intersperse(x, s_i), s_i) over the factors s_i whose weight g_i is not 0; <paramref name="branch"/> is the
    /// computation f at a factor (its convolutions dilated by it).
    /// </summary>
    public static Tensor Mix(Tensor input, IReadOnlyList<int> factors, Tensor weights, Func<Tensor, int, Tensor> branch)
    {
        using var scope = torch.NewDisposeScope();
        var values = weights.detach().to("cpu").to(ScalarType.Float32).data<float>();
        Tensor? sum = null;
        for (var i = 0; i < factors.Count; i++)
        {
            if (values[i] == 0f)
            {
                continue;
            }
            var term = branch(Intersperse(input, factors[i]), factors[i]) * weights.select(0, i);
            sum = sum is null ? term : sum + term;
        }
        return (sum ?? throw new ArgumentException("weights: every resolution has weight 0", nameof(weights))).MoveToOuterDisposeScope();
    }
}
