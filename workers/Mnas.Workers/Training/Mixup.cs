using Mnas.Torch;

namespace Mnas.Workers.Training;

/// <summary>
/// Mixup (Zhang et al., 2018): each training batch blended with a shuffled copy of itself, x' = λx + (1 − λ)x[perm], by a
/// λ ~ Beta(α, α) drawn per batch from a generator seeded with the child's seed; the permutation comes from torch's
/// generator. The loss is blended the same way (see <see cref="MixedBatch.Loss"/>).
/// </summary>
public sealed class Mixup
{
    private readonly BetaSampler lambdas;

    public Mixup(double alpha, long seed)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "mixup's α must be positive and finite");
        }
        Alpha = alpha;
        lambdas = new BetaSampler(alpha, alpha, unchecked((int)seed ^ (int)(seed >> 32)));
    }

    public double Alpha { get; }

    /// <summary>The batch mixed by the next λ and a fresh permutation; its tensors belong to the current dispose scope.</summary>
    public MixedBatch Mix(Tensor images, Tensor labels) => Mix(images, labels, lambdas.Next(), torch.randperm(images.size(0), images.device));

    /// <summary>The batch mixed by the given λ and permutation.</summary>
    public static MixedBatch Mix(Tensor images, Tensor labels, double lambda, Tensor permutation)
    {
        using var shuffled = images.index_select(0, permutation);
        // In place on λx, so the mixed batch keeps the images' memory format.
        return new MixedBatch(images.mul(lambda).add_(shuffled, 1 - lambda), labels, permutation, lambda);
    }
}

/// <summary>A mixed batch: the blended images, the labels of the unshuffled images, the permutation and λ.</summary>
public sealed record MixedBatch(Tensor Images, Tensor Labels, Tensor Permutation, double Lambda)
{
    /// <summary>λ·CE(logits, labels) + (1 − λ)·CE(logits, labels[perm]), each with the given label smoothing.</summary>
    public Tensor Loss(Tensor logits, double labelSmoothing = 0)
    {
        using var scope = torch.NewDisposeScope();
        var shuffled = Labels.index_select(0, Permutation);
        var own = torch.nn.functional.cross_entropy(logits, Labels, label_smoothing: labelSmoothing);
        var other = torch.nn.functional.cross_entropy(logits, shuffled, label_smoothing: labelSmoothing);
        return (own * Lambda + other * (1 - Lambda)).MoveToOuterDisposeScope();
    }
}
