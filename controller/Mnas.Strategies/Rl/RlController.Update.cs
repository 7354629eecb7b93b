using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>
/// Updating the controller, in three steps so that the learning can run while the controller keeps proposing from a
/// policy it already has: <see cref="BeginUpdate"/> takes the minibatch, <see cref="Learn"/> runs the gradient steps
/// (on any thread), <see cref="CompleteUpdate"/> publishes the new policy. <see cref="Update"/> does all three at once.
/// </summary>
public sealed partial class RlController
{
    /// <summary>An update in flight is learning; the controller's state cannot be saved until it completes.</summary>
    public bool UpdateRunning => running is not null;

    /// <summary>
    /// One update on the oldest buffered children (a full minibatch, or fewer when forced at the end of a search):
    /// advantages against the baseline, <see cref="ControllerOptions.Epochs"/> Adam steps on the loss, then the
    /// baseline moves and the policy version goes up by one. Throws when nothing is buffered.
    /// </summary>
    public ControllerUpdate Update()
    {
        var pending = BeginUpdate();
        Learn(pending);
        return CompleteUpdate(pending);
    }

    /// <summary>
    /// Takes the oldest buffered children (up to a minibatch) for an update, fixes their advantages against the
    /// baseline as it stands, and schedules the new policy: samples are drawn from it from the
    /// <see cref="ControllerOptions.PolicyLag"/>-th proposal after this one on. Throws when nothing is buffered or an
    /// update is already running.
    /// </summary>
    public PendingUpdate BeginUpdate()
    {
        if (running is not null)
        {
            throw new InvalidOperationException("an update is already running; complete it first");
        }

        if (buffer.Count == 0)
        {
            throw new InvalidOperationException("no buffered children to update on");
        }

        var batch = buffer.Take(Options.MinibatchSize).ToList();
        buffer.RemoveRange(0, batch.Count);
        var rewards = batch.Select(b => b.Reward).ToArray();
        if (baseline.Value is null)
        {
            baseline.Update(rewards[0]);
        }

        var included = batch.Select(b => b.Outcome.Sequence).Concat(excluded).Order().ToArray();
        excluded.Clear();
        running = new PendingUpdate(PolicyVersion + 1, batch.Select(b => b.Outcome).ToArray(), rewards, baseline.Value!.Value, included);
        switches.Add(new PolicySwitch(running.Version, proposals + Options.PolicyLag));
        return running;
    }

    /// <summary>
    /// The gradient steps of a begun update. It touches only the weights and the optimiser, never what sampling or
    /// taking results in use, so it may run on another thread meanwhile; nothing else may run it concurrently.
    /// </summary>
    public void Learn(PendingUpdate pending)
    {
        CheckRunning(pending);
        if (pending.Sampler is not null)
        {
            throw new InvalidOperationException("this update has already learned");
        }

        var samples = pending.Outcomes.Select(o => o.RequireSample()).ToArray();
        using (var scope = torch.NewDisposeScope())
        {
            var advantages = torch.tensor(pending.Rewards.Select(r => (float)(r - pending.BaselineBefore)).ToArray());
            var old = torch.tensor(pending.Outcomes.Select(o => (float)o.LogProbability).ToArray());
            for (var epoch = 0; epoch < Options.Epochs; epoch++)
            {
                using var evaluation = LogProbabilities(samples);
                using var objective = Options.Rule == UpdateRule.Ppo
                    ? PolicyLoss.Ppo(evaluation.LogProbabilities, old, advantages, evaluation.Entropies, Options.ClipEpsilon,
                        Options.EntropyCoefficient)
                    : PolicyLoss.Reinforce(evaluation.LogProbabilities, advantages, evaluation.Entropies, Options.EntropyCoefficient);
                if (epoch == 0)
                {
                    pending.Loss = objective.item<double>();
                    pending.MeanEntropy = evaluation.Entropies.data<float>().Average(v => (double)v);
                    pending.MeanLogProbability = evaluation.LogProbabilities.data<float>().Average(v => (double)v);
                }

                adam.zero_grad();
                objective.backward();
                adam.step();
            }

            adam.zero_grad();
        }

        pending.Sampler = PolicySampler.From(network, Options.HiddenSize);
    }

    /// <summary>Publishes a learned update: the baseline takes each of its rewards in arrival order and the policy version goes up by one.</summary>
    public ControllerUpdate CompleteUpdate(PendingUpdate pending)
    {
        CheckRunning(pending);
        if (pending.Sampler is null)
        {
            throw new InvalidOperationException("this update has not learned yet");
        }

        foreach (var reward in pending.Rewards)
        {
            baseline.Update(reward);
        }

        PolicyVersion = pending.Version;
        switches.Single(s => s.Version == pending.Version).Sampler = pending.Sampler;
        running = null;
        return new ControllerUpdate(PolicyVersion, pending.Included, pending.Outcomes.Count, pending.Rewards.Average(), pending.BaselineBefore,
            baseline.Value!.Value, pending.MeanEntropy, pending.MeanLogProbability, pending.Loss);
    }

    private void CheckRunning(PendingUpdate pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (!ReferenceEquals(pending, running))
        {
            throw new InvalidOperationException("this update is not the one running on this controller");
        }
    }

    /// <summary>A policy an update makes, and the number of proposals from which samples are drawn from it.</summary>
    private sealed class PolicySwitch(long version, long at)
    {
        public long Version { get; } = version;

        public long At { get; } = at;

        /// <summary>Null until the update completes.</summary>
        public PolicySampler? Sampler { get; set; }
    }
}

/// <summary>An update begun by <see cref="RlController.BeginUpdate"/>: the children it trains on and, once learned, its figures.</summary>
public sealed class PendingUpdate
{
    internal PendingUpdate(long version, IReadOnlyList<Outcome> outcomes, double[] rewards, double baselineBefore, IReadOnlyList<long> included)
    {
        (Version, Outcomes, Rewards, BaselineBefore, Included) = (version, outcomes, rewards, baselineBefore, included);
    }

    /// <summary>The policy version the update makes.</summary>
    public long Version { get; }

    internal IReadOnlyList<Outcome> Outcomes { get; }

    internal double[] Rewards { get; }

    internal double BaselineBefore { get; }

    internal IReadOnlyList<long> Included { get; }

    internal PolicySampler? Sampler { get; set; }

    internal double Loss { get; set; }

    internal double MeanEntropy { get; set; }

    internal double MeanLogProbability { get; set; }
}
