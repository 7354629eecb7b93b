using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNetV2's channel search: one convolution at the largest channel count runs once, and its output is multiplied by
/// Σ_i g_i · mask_i, where mask_i keeps the first c_i channels and g holds the Gumbel-softmax weights of the widths.
/// With a one-hot g the result is exactly the narrower convolution's output (its first c_i filters), zero-padded.
/// </summary>
public sealed class ChannelMasking : Module
{
    private readonly Tensor masks;

    /// <param name="widths">Candidate channel counts, each in [1, <paramref name="channels"/>].</param>
    public ChannelMasking(int channels, IReadOnlyList<int> widths)
    {
        if (widths.Count == 0 || widths.Any(w => w < 1 || w > channels))
        {
            throw new ArgumentException($"widths: each must lie in [1, {channels}] (got [{string.Join(", ", widths)}])", nameof(widths));
        }
        (Channels, Widths) = (channels, widths.ToArray());
        var values = new float[widths.Count * channels];
        for (var i = 0; i < widths.Count; i++)
        {
            Array.Fill(values, 1f, i * channels, widths[i]);
        }
        masks = torch.tensor(values, [widths.Count, channels]).DetachFromDisposeScope();
        register_buffer("masks", masks);
    }

    public int Channels { get; }

    public IReadOnlyList<int> Widths { get; }

    /// <summary>The per-channel factor Σ_i g_i · mask_i, [channels].</summary>
    public Tensor Factor(Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        return weights.to(masks.dtype).unsqueeze(0).matmul(masks.to(weights.device)).squeeze(0).MoveToOuterDisposeScope();
    }

    /// <param name="features">[N, channels, H, W], the widest convolution's output.</param>
    /// <param name="weights">[widths]: the widths' Gumbel-softmax weights.</param>
    public Tensor Apply(Tensor features, Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        return (features * Factor(weights).view(1, Channels, 1, 1)).MoveToOuterDisposeScope();
    }

    /// <summary>The expected width under the weights: Σ_i g_i · c_i, as a tensor (differentiable in the weights).</summary>
    public Tensor ExpectedWidth(Tensor weights) => Factor(weights).sum();
}
