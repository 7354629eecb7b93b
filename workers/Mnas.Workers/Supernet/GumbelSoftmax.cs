using Mnas.Torch;

namespace Mnas.Workers.Supernet;

/// <summary>
/// Gumbel-softmax over the last dimension of a tensor of logits θ: m = softmax((θ + g) / τ) with g ~ Gumbel(0, 1), a
/// differentiable sample of the categorical distribution softmax(θ). Hard: the one-hot of the sample's argmax in the
/// forward pass, with the soft sample's gradient in the backward pass (straight-through).
/// </summary>
public static class GumbelSoftmax
{
    // Keeps log(-log(u)) finite at the ends of float32's open interval.
    private const double Epsilon = 1e-10;

    /// <summary>Gumbel(0, 1) noise of the given shape, from torch's seeded generator: -log(-log(u)), u ~ U(0, 1).</summary>
    public static Tensor Noise(long[] shape)
    {
        using var scope = torch.NewDisposeScope();
        var uniform = torch.rand(shape).clamp(Epsilon, 1 - Epsilon);
        return (-(-uniform.log()).log()).MoveToOuterDisposeScope();
    }

    /// <summary>A sample with fresh noise.</summary>
    public static Tensor Sample(Tensor logits, double temperature, bool hard)
    {
        using var noise = Noise(logits.shape);
        return Sample(logits, noise, temperature, hard);
    }

    /// <summary>A sample with the given noise (the same noise, the same sample: for gradient checks and replays).</summary>
    public static Tensor Sample(Tensor logits, Tensor noise, double temperature, bool hard)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        using var scope = torch.NewDisposeScope();
        var soft = ((logits + noise) / temperature).softmax(-1);
        if (!hard)
        {
            return soft.MoveToOuterDisposeScope();
        }
        var chosen = soft.argmax(-1, keepdim: true);
        var oneHot = torch.arange(logits.shape[^1]).eq(chosen).to(soft.dtype);
        // Exactly the one-hot forward (-s + s is 0 in floating point), the soft sample's gradient backward.
        return (oneHot - soft.detach() + soft).MoveToOuterDisposeScope();
    }
}
