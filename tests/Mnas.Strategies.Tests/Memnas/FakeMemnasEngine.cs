using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Tests.Memnas;

/// <summary>
/// An in-memory predictor engine for MemNAS's tests, in place of a campaign: <c>workers</c> workers, a budget of children,
/// every child "trained" at once by an accuracy function of its sample (<see cref="FakeMemnasAccuracy"/> by default) or
/// failed, where <c>fails</c> says. Results come back in submission order or, with a shuffle seed, in a random order among
/// those in flight. Records every submission, result, search round and checkpoint. <see cref="Resuming"/> stands for the
/// same campaign restarted from one of its checkpoints: sequences go on from there, and a submission whose sequence was
/// recorded must propose the recorded child and gets its recorded result back, as a campaign replays.
/// </summary>
internal sealed class FakeMemnasEngine : IPredictorEngine
{
    private readonly ModelSpace space;
    private readonly int workers;
    private readonly int budget;
    private readonly Func<Sample, double> accuracy;
    private readonly Func<Sample, bool> fails;
    private readonly Xoshiro256StarStar? shuffle;
    private readonly Dictionary<long, (string Architecture, Outcome Outcome)> recorded;
    private readonly List<Outcome> inFlight = [];
    private long submitted;

    public FakeMemnasEngine(ModelSpace space, int workers = 2, int budget = 100, Func<Sample, double>? accuracy = null, Func<Sample, bool>? fails = null,
        ulong? shuffleSeed = null)
        : this(space, workers, budget, accuracy, fails, shuffleSeed, [], 0)
    {
    }

    private FakeMemnasEngine(ModelSpace space, int workers, int budget, Func<Sample, double>? accuracy, Func<Sample, bool>? fails, ulong? shuffleSeed,
        Dictionary<long, (string, Outcome)> recorded, long submitted)
    {
        (this.space, this.workers, this.budget, this.recorded, this.submitted) = (space, workers, budget, recorded, submitted);
        this.accuracy = accuracy ?? (s => FakeMemnasAccuracy.Of(space, s));
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
    /// the rest were).
    /// </summary>
    public static FakeMemnasEngine Resuming(FakeMemnasEngine original, int checkpoint, long recordedThrough)
    {
        var record = original.Submitted.Where(s => s.Sequence <= recordedThrough)
            .ToDictionary(s => s.Sequence, s => (s.Proposal.Architecture, original.Delivered.Single(o => o.Sequence == s.Sequence)));
        return new FakeMemnasEngine(original.space, original.workers, original.budget, original.accuracy, original.fails, null, record,
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
        var sample = proposal.Sample ?? throw new InvalidOperationException($"child {sequence} carries no sample of the space");
        var failed = fails(sample);
        var measured = accuracy(sample);
        inFlight.Add(new Outcome(sequence, sample, proposal.LogProbability, proposal.PolicyVersion, failed ? 0 : measured, failed)
        {
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

    /// <summary>MemNAS counts memory itself, from the architecture: it never asks the engine for costs.</summary>
    public ValueTask<IReadOnlyList<ArchitectureCosts>> CostsAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation) =>
        throw new InvalidOperationException("memnas asked the engine for costs");

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
