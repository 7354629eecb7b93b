namespace Mnas.Strategies.Rl;

/// <summary>How the controller turns a minibatch of rewarded children into a gradient step.</summary>
public enum UpdateRule
{
    /// <summary>PPO's clipped surrogate: −mean(min(r·A, clip(r, 1−ε, 1+ε)·A)), r = exp(logπ_new − logπ_old). MnasNet's rule.</summary>
    Ppo,

    /// <summary>Plain REINFORCE: −mean(A·logπ_new). It ignores which policy sampled a child, so stale children are not corrected.</summary>
    Reinforce,
}
