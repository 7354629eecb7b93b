using Mnas.Strategies.Rewards;

namespace Mnas.Strategies.Rl;

/// <summary>
/// The RL controller's settings. Defaults are MnasNet's (after the NASNet controller): a one-layer LSTM of 100
/// units with every weight drawn uniformly from [−0.1, 0.1], PPO with clip 0.2, Adam at 3.5e-4, entropy bonus 1e-5,
/// an exponential-moving-average baseline with decay 0.95, and minibatches of 20 finished children.
/// Check them with <see cref="ControllerOptionsValidator"/>.
/// </summary>
public sealed record ControllerOptions
{
    /// <summary>LSTM hidden units.</summary>
    public int HiddenSize { get; init; } = 100;

    /// <summary>Width of the token embeddings fed to the LSTM (NASNet and ENAS use the hidden size).</summary>
    public int EmbeddingSize { get; init; } = 100;

    /// <summary>
    /// Which decisions share a softmax head and an input embedding: per decision (the default, as in the original NAS
    /// controller) or per kind. With heads per kind the LSTM state alone must tell blocks apart; on a synthetic reward
    /// whose best op differs from block to block it settles below the optimum (figures in controller/README.md).
    /// A restored controller keeps the layout it was saved with, whatever this says.
    /// </summary>
    public HeadSharing HeadSharing { get; init; } = HeadSharing.PerDecision;

    /// <summary>Every weight starts uniform in [−InitRange, InitRange].</summary>
    public double InitRange { get; init; } = 0.1;

    public UpdateRule Rule { get; init; } = UpdateRule.Ppo;

    public double LearningRate { get; init; } = 3.5e-4;

    /// <summary>PPO's ε: the ratio π_new/π_old is clipped to [1 − ε, 1 + ε].</summary>
    public double ClipEpsilon { get; init; } = 0.2;

    /// <summary>c_ent: the loss subtracts c_ent·mean(entropy), rewarding exploration.</summary>
    public double EntropyCoefficient { get; init; } = 1e-5;

    /// <summary>The baseline after a reward r is decay·b + (1 − decay)·r.</summary>
    public double BaselineDecay { get; init; } = 0.95;

    /// <summary>Finished children (of those an update may use) per update.</summary>
    public int MinibatchSize { get; init; } = 20;

    /// <summary>Gradient steps per minibatch (PPO's K epochs); each recomputes log-probabilities under the current weights.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>
    /// Proposals still drawn from the previous policy after an update begins, so that the update can run while freed
    /// workers get their next children at once. 0 (the default): every proposal after an update waits for it. The
    /// switch falls at a fixed count of proposals, not when the update happens to finish, so a campaign proposes the
    /// same children however fast its updates run; each child keeps the log-probability it was drawn with.
    /// </summary>
    public int PolicyLag { get; init; }

    public double AdamBeta1 { get; init; } = 0.9;

    public double AdamBeta2 { get; init; } = 0.999;

    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>Seeds the initial weights and the sampling generator; the same seed gives the same controller.</summary>
    public ulong Seed { get; init; }

    public FailureOptions Failure { get; init; } = new();

    /// <summary>
    /// Whether the strategy, once the budget is spent and every child is back, also updates on a minibatch that never
    /// filled. Off by default: that update could only change the final saved policy, never a proposal.
    /// </summary>
    public bool UpdateOnPartialMinibatch { get; init; }
}
