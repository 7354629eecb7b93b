using Mnas.Torch;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// The mean Huber loss: ½d² where |d| ≤ δ, δ(|d| − ½δ) beyond, written as ½q² + δ(|d| − q) with q = min(|d|, δ) (the
/// engine has no Huber or smooth-L1 of its own).
/// </summary>
internal static class HuberLoss
{
    public static Tensor Mean(Tensor prediction, Tensor target, double delta)
    {
        using var scope = torch.NewDisposeScope();
        var error = (prediction - target).abs();
        var quadratic = error.clamp(max: delta);
        var loss = quadratic.square() * 0.5 + (error - quadratic) * delta;
        return loss.mean().MoveToOuterDisposeScope();
    }
}
