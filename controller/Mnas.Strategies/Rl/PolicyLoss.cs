using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>The controller's losses over a minibatch; every argument is a tensor of shape [batch].</summary>
public static class PolicyLoss
{
    /// <summary>
    /// PPO: −mean(min(r·A, clip(r, 1−ε, 1+ε)·A)) − c_ent·mean(entropy), r = exp(logπ_new − logπ_old). Where logπ_old is
    /// a stale child's (sampled by an older policy) the ratio corrects for it; outside the clip the gradient through
    /// r is zero.
    /// </summary>
    public static Tensor Ppo(Tensor newLogProbabilities, Tensor oldLogProbabilities, Tensor advantages, Tensor entropies,
        double clipEpsilon, double entropyCoefficient)
    {
        using var scope = torch.NewDisposeScope();
        var ratio = (newLogProbabilities - oldLogProbabilities).exp();
        var unclipped = ratio * advantages;
        var clipped = ratio.clamp(1 - clipEpsilon, 1 + clipEpsilon) * advantages;
        var surrogate = unclipped.minimum(clipped).mean();
        var loss = -surrogate - entropies.mean() * entropyCoefficient;
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>REINFORCE: −mean(A·logπ_new) − c_ent·mean(entropy).</summary>
    public static Tensor Reinforce(Tensor newLogProbabilities, Tensor advantages, Tensor entropies, double entropyCoefficient)
    {
        using var scope = torch.NewDisposeScope();
        var loss = -(advantages * newLogProbabilities).mean() - entropies.mean() * entropyCoefficient;
        return loss.MoveToOuterDisposeScope();
    }
}
