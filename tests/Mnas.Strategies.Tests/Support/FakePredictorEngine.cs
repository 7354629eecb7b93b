using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Tests.Support;

/// <summary>
/// An in-memory predictor engine for the predictor-driven strategies' tests (FBNetV3, MemNAS), in place of a campaign:
/// <c>workers</c> workers, a budget of children, every child "trained" at once to an accuracy function of its proposal (or
/// failed, where <c>fails</c> says), costs from <c>costs</c> (a strategy that asks without them fails the test). Results come
/// back in submission order or, with a shuffle seed, in a random order among those in flight. Records every submission,
/// result, search round and checkpoint. <see cref="Resuming"/> stands for the same campaign restarted from one of its
/// checkpoints: sequences go on from there, and a submission whose sequence was recorded must propose the recorded child
/// and gets its recorded result back, as a campaign replays.
/// </summary>
internal sealed class FakePredictorEngine : IPredictorEngine
{
    private readonly int workers;
    private readonly int budget;
    private readonly Func<Proposal, double> accuracy;
    private readonly Func<Proposal, bool> fails;
    private readonly Func<Sample, ArchitectureCosts>? costs;
    private readonly Xoshiro256StarStar? shuffle;
    private readonly Dictionary<long, (string Architecture, Outcome Outcome)> recorded;
    private readonly List<Outcome> inFlight = [];
    private long submitted;

    public FakePredictorEngine(int workers, int budget, Func<Proposal, double> accuracy, Func<Proposal, bool>? fails = null, ulong? shuffleSeed = null,
        Func<Sample, ArchitectureCosts>? costs = null)
        : this(workers, budget, accuracy, fails, costs, shuffleSeed, [], 0)
    {
    }

    private FakePredictorEngine(int workers, int budget, Func<Proposal, double> accuracy, Func<Proposal, bool>? fails,
        Func<Sample, ArchitectureCosts>? costs, ulong? shuffleSeed, Dictionary<long, (string, Outcome)> recorded, long submitted)
    {
        (this.workers, this.budget, this.accuracy, this.costs, this.recorded, this.submitted) = (workers, budget, accuracy, costs, recorded, submitted);
        this.fails = fails ?? (_ => false);
        shuffle = shuffleSeed is { } seed ? new Xoshiro256StarStar(seed) : null;
    }

    public List<(long Sequence, Proposal Proposal)> Submitted { get; } = [];

    public List<Outcome> Delivered { get; } = [];

    public List<(byte[] State, IReadOnlyList<long> Included, long SubmittedSoFar)> Checkpoints { get; } = [];

    public List<SearchRound> Rounds { get; } = [];

    /// <summary>Children answered from the record of the campaign this one resumes.</summary>
    public int Replayed { get; private set; }

    public int Capacity => BudgetExhausted ? 0 : Math.Max(0, workers - inFlight.Count);

    public int InFlight => inFlight.Count;

    public bool BudgetExhausted => submitted >= budget;

    /// <summary>
    /// The campaign restarted from <paramref name="original"/>'s checkpoint <paramref name="checkpoint"/>, with the children
    /// the original submitted up to sequence <paramref name="recordedThrough"/> on record (it may have been killed before
    /// the rest were); the others train as the original's did.
    /// </summary>
    public static FakePredictorEngine Resuming(FakePredictorEngine original, int checkpoint, long recordedThrough)
    {
        var record = original.Submitted.Where(s => s.Sequence <= recordedThrough)
            .ToDictionary(s => s.Sequence, s => (s.Proposal.Architecture, original.Delivered.Single(o => o.Sequence == s.Sequence)));
        return new FakePredictorEngine(original.workers, original.budget, original.accuracy, original.fails, original.costs, null, record,
            original.Checkpoints[checkpoint].SubmittedSoFar);
    }

    public ValueTask<long> SubmitAsync(Proposal proposal, CancellationToken cancellation)
    {
        if (BudgetExhausted)
        {
            throw new InvalidOperationException("submitted past the budget");
        }
        var sequence = ++submitted;
        Submitted.Add((sequence, proposal));
        if (recorded.TryGetValue(sequence, out var child))
        {
            if (child.Architecture != proposal.Architecture)
            {
                throw new InvalidOperationException($"diverged on resume: child {sequence} was {child.Architecture} but the strategy proposed {proposal.Architecture}");
            }
            Replayed++;
            inFlight.Add(child.Outcome);
            return ValueTask.FromResult(sequence);
        }
        var failed = fails(proposal);
        var measured = accuracy(proposal);
        inFlight.Add(new Outcome(sequence, proposal.Sample, proposal.LogProbability, proposal.PolicyVersion, failed ? 0 : measured, failed)
        {
            Architecture = proposal.Architecture,
            Accuracy = failed ? null : measured,
        });
        return ValueTask.FromResult(sequence);
    }

    public ValueTask<Outcome> NextAsync(CancellationToken cancellation)
    {
        if (inFlight.Count == 0)
        {
            throw new InvalidOperationException("NextAsync with nothing in flight would wait forever");
        }
        var index = shuffle?.NextInt(inFlight.Count) ?? 0;
        var outcome = inFlight[index];
        inFlight.RemoveAt(index);
        Delivered.Add(outcome);
        return ValueTask.FromResult(outcome);
    }

    public ValueTask WaitForOutcomeAsync(CancellationToken cancellation) =>
        inFlight.Count > 0 ? ValueTask.CompletedTask : throw new InvalidOperationException("WaitForOutcomeAsync with nothing in flight would wait forever");

    public ValueTask<IReadOnlyList<ArchitectureCosts>> CostsAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation) =>
        costs is { } of
            ? ValueTask.FromResult<IReadOnlyList<ArchitectureCosts>>(samples.Select(of).ToList())
            : throw new InvalidOperationException("the strategy asked the engine for costs, which this one has none of");

    public ValueTask ReportRoundAsync(SearchRound round, CancellationToken cancellation)
    {
        Rounds.Add(round);
        return ValueTask.CompletedTask;
    }

    public ValueTask CheckpointAsync(byte[] state, IReadOnlyList<long> included, CancellationToken cancellation)
    {
        if (inFlight.Count > 0)
        {
            throw new InvalidOperationException($"checkpointed with {inFlight.Count} children in flight");
        }
        Checkpoints.Add((state, included.ToArray(), submitted));
        return ValueTask.CompletedTask;
    }

    public ValueTask ReportUpdateAsync(ControllerReport report, CancellationToken cancellation) => ValueTask.CompletedTask;
}
