using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Serialization;
using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>
/// MnasNet's RL controller: samples architectures from a <see cref="ControllerNetwork"/>, buffers finished children,
/// and updates on each full minibatch by PPO (or REINFORCE) with managed Adam and an EMA baseline. Its whole state —
/// weights, Adam moments and step count, baseline, sampling generator, policy version, buffered outcomes — saves to
/// bytes and restores bitwise (<see cref="SaveState"/>, <see cref="Restore"/>). Not thread-safe: one caller at a time.
/// </summary>
/// <remarks>
/// Baseline: advantages of a minibatch are r − b with b frozen at its value before the minibatch (set to the first
/// reward of the first minibatch when there is none yet); after the gradient step b takes each reward of the minibatch
/// in arrival order.
/// </remarks>
public sealed partial class RlController : IDisposable
{
    private readonly ModelSpace space;
    private readonly TokenLayout layout;
    private readonly ControllerNetwork network;
    private readonly ControllerAdam adam;
    private readonly EmaBaseline baseline;
    private readonly List<(Outcome Outcome, double Reward)> buffer = [];
    private readonly List<long> excluded = [];
    private readonly HashSet<long> absorbed = [];
    private readonly List<PolicySwitch> switches = [];
    private Xoshiro256StarStar rng;
    private PolicySampler sampler;
    private long proposals;
    private PendingUpdate? running;

    /// <summary>A new controller: weights uniform in [−InitRange, InitRange] from the seed, policy version 0.</summary>
    public RlController(ModelSpace space, ControllerOptions options)
        : this(space, options, initialize: true)
    {
    }

    private RlController(ModelSpace space, ControllerOptions options, bool initialize)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        ControllerOptionsValidator.Instance.ThrowIfInvalid(options);
        this.space = space;
        Options = options;
        layout = new TokenLayout(space, options.HeadSharing);
        network = new ControllerNetwork(layout, options.HiddenSize, options.EmbeddingSize);
        var seeds = new SplitMix64(options.Seed);
        var initRng = new Xoshiro256StarStar(seeds.Next());
        rng = new Xoshiro256StarStar(seeds.Next());
        if (initialize)
        {
            network.InitializeUniform(initRng, options.InitRange);
        }

        adam = new ControllerAdam(network.named_parameters(), options.LearningRate, options.AdamBeta1, options.AdamBeta2, options.AdamEpsilon);
        baseline = new EmaBaseline(options.BaselineDecay);
        sampler = PolicySampler.From(network, options.HiddenSize);
    }

    public ControllerOptions Options { get; }

    /// <summary>Updates completed so far: the version of the weights.</summary>
    public long PolicyVersion { get; private set; }

    /// <summary>The version samples are drawn from now (behind <see cref="PolicyVersion"/> while a policy lag lasts); proposals carry it.</summary>
    public long SamplingVersion { get; private set; }

    /// <summary>Samples drawn so far.</summary>
    public long Proposals => proposals;

    public double? Baseline => baseline.Value;

    public long AdamSteps => adam.StepCount;

    /// <summary>Outcomes waiting for an update (those the failure policy lets updates use).</summary>
    public int Buffered => buffer.Count;

    /// <summary>The decisions (tokens) the policy makes for one sample: a sample's summed entropy over this is its entropy per decision.</summary>
    public int DecisionsPerSample => layout.Steps;

    /// <summary>A full minibatch is waiting.</summary>
    public bool ReadyToUpdate => buffer.Count >= Options.MinibatchSize;

    /// <summary>Children taken in since the last update that an update would report (buffered or left out).</summary>
    public bool HasUnsettled => buffer.Count > 0 || excluded.Count > 0;

    /// <summary>
    /// Draws one architecture: at each step a uniform from the saved generator inverts the softmax's CDF. Runs in
    /// managed code on a copy of the weights taken once per policy version (<see cref="PolicySampler"/>), so it may run
    /// while an update is learning. Throws when the policy of an update still learning is due (see <see cref="WaitsForUpdate"/>).
    /// </summary>
    public ControllerSample Sample()
    {
        while (switches.Count > 0 && switches[0].At <= proposals)
        {
            var due = switches[0];
            if (due.Sampler is null)
            {
                throw new InvalidOperationException($"policy version {due.Version} is due but its update has not completed");
            }

            (sampler, SamplingVersion) = (due.Sampler, due.Version);
            switches.RemoveAt(0);
        }

        var (tokens, logProbability, entropy) = sampler.Draw(rng);
        proposals++;
        return new ControllerSample(space.FromTokens(tokens), logProbability, entropy, SamplingVersion);
    }

    /// <summary>The next sample must come from an update that is still learning: complete it first.</summary>
    public bool WaitsForUpdate => switches.Count > 0 && switches[0].At <= proposals && switches[0].Sampler is null;

    /// <summary>
    /// Runs every path of a controller — sampling, an update, saving and restoring — once on a throwaway controller
    /// with these options, so that the first real update does not also pay for compiling code and for the engine's
    /// first backward pass (together several times the update itself). Touches no other controller's state.
    /// </summary>
    public static void WarmUp(ModelSpace space, ControllerOptions options)
    {
        using var controller = new RlController(space, options);
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            var proposal = controller.Propose();
            controller.Observe(new Outcome(sequence, proposal.Sample, proposal.LogProbability, proposal.PolicyVersion, sequence / 2.0, false));
        }

        controller.Update();
        using var restored = Restore(space, options, controller.SaveState());
        restored.Propose();
    }

    /// <summary>A proposal for the engine: <see cref="Sample()"/> with its log-probability and policy version.</summary>
    public Proposal Propose() => Sample().ToProposal();

    /// <summary>
    /// Recomputes, under the current weights and with autograd, each sample's summed log-probability and entropy,
    /// feeding the sample's own tokens back in (teacher forcing). One batched pass per step.
    /// </summary>
    public PolicyEvaluation LogProbabilities(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("at least one sample is needed", nameof(samples));
        }

        var tokens = samples.Select(TokensOf).ToArray();
        using var scope = torch.NewDisposeScope();
        var batch = tokens.Length;
        var (hidden, cell) = network.lstm.initial_state(batch);
        var input = network.StartInput(batch);
        Tensor? logProbability = null, entropy = null;
        for (var step = 0; step < layout.Steps; step++)
        {
            var group = layout.Groups[step];
            (hidden, cell) = network.Step(input, hidden, cell);
            var logRows = network.LogProbabilities(group, hidden);
            var chosen = torch.tensor(tokens.Select(t => (long)t[step]).ToArray());
            var picked = logRows.gather(1, chosen.unsqueeze(1)).squeeze(1);
            var stepEntropy = -(logRows.exp() * logRows).sum(1);
            logProbability = logProbability is null ? picked : logProbability + picked;
            entropy = entropy is null ? stepEntropy : entropy + stepEntropy;
            input = network.Embed(group, chosen);
        }

        return new PolicyEvaluation(logProbability!.MoveToOuterDisposeScope(), entropy!.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Takes a finished child in. Its reward for updates comes from <see cref="ControllerOptions.Failure"/>; a child
    /// the policy leaves out is only recorded as settled. Returns false, changing nothing, for a sequence number
    /// already taken in (a redelivered result).
    /// </summary>
    public bool Observe(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        TokensOf(outcome.RequireSample());
        if (!absorbed.Add(outcome.Sequence))
        {
            return false;
        }

        if (Options.Failure.RewardForUpdate(outcome) is { } reward)
        {
            buffer.Add((outcome, reward));
        }
        else
        {
            excluded.Add(outcome.Sequence);
        }

        return true;
    }

    /// <summary>Children left out by the failure policy since the last update; taking them reports them as settled.</summary>
    public IReadOnlyList<long> TakeExcluded()
    {
        var result = excluded.Order().ToArray();
        excluded.Clear();
        return result;
    }

    /// <summary>The current weights, named as <see cref="ControllerNetwork"/> names them.</summary>
    public IReadOnlyList<NamedArray> ParameterValues() =>
        network.named_parameters().Select(p => new NamedArray(p.Name, p.Parameter.shape, p.Parameter.data<float>())).ToArray();

    private int[] TokensOf(Sample sample)
    {
        var tokens = sample.ToTokens();
        if (tokens.Length != layout.Steps || !space.FromTokens(tokens).Equals(sample))
        {
            throw new ArgumentException($"the sample does not belong to this controller's space: {sample.Canonical}", nameof(sample));
        }

        return tokens;
    }

    public void Dispose()
    {
        adam.Dispose();
        network.Dispose();
    }
}
