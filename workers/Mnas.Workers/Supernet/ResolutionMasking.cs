using Mnas.Torch;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNetV2's resolution search at a fixed tensor size: a lower resolution is made by nearest-neighbour down-sampling
/// (every s-th pixel) and zero-interspersing back to the full size, so each kept pixel stays where it was; convolutions
/// after it are dilated by s to see the same neighbourhood of kept pixels. The candidates' outputs are mixed by their
/// Gumbel-softmax weights.
/// </summary>
public static class ResolutionMasking
{
    /// <summary>[N, C, H, W] → the same shape, the pixels at rows and columns divisible by <paramref name="factor"/> kept, zeros elsewhere.</summary>
    public static Tensor Intersperse(Tensor input, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1)
        {
            return input.alias();
        }
        var (n, c, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        if (h % factor != 0 || w % factor != 0)
        {
            throw new ArgumentException($"input: height and width ({h}×{w}) must be multiples of the factor {factor}", nameof(input));
        }
        using var scope = torch.NewDisposeScope();
        var low = input.slice(2, 0, h, factor).slice(3, 0, w, factor);
        var zeros = torch.zeros([n, c, h / factor, w / factor, factor - 1], input.dtype, input.device);
        // Each kept pixel followed by factor − 1 zeros along the width, then each row by factor − 1 zero rows.
        var wide = torch.cat([low.unsqueeze(-1), zeros], -1).reshape(n, c, h / factor, w);
        var rows = torch.zeros([n, c, h / factor, factor - 1, w], input.dtype, input.device);
        return torch.cat([wide.unsqueeze(3), rows], 3).reshape(n, c, h, w).MoveToOuterDisposeScope();
    }

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
