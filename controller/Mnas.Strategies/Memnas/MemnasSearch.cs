using Mnas.Costs.Memory;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// One run of MemNAS over an engine: its space, options and ranker, and the steps — the first base network, then each
/// grow-and-trim round — each ending with its search round reported and the whole state checkpointed (nothing in
/// flight), so that a resumed run starts the next step from the saved state alone.
/// </summary>
internal sealed partial class MemnasSearch : IDisposable
{
    private readonly ModelSpace space;
    private readonly IPredictorEngine engine;
    private readonly MemnasStrategyOptions options;
    private readonly ICandidateRanker ranker;
    private readonly Dictionary<string, MemoryFootprint> footprints = new(StringComparer.Ordinal);

    public MemnasSearch(ModelSpace space, IPredictorEngine engine, MemnasStrategyOptions options, MemnasState? restored)
    {
        this.space = space;
        this.engine = engine;
        this.options = options;
        ranker = CandidateRankers.Create(options.RankerKind, space, options.Ranker, restored?.Ranker);
    }

    public async Task RunAsync(MemnasState? restored, CancellationToken cancellation)
    {
        var state = restored ?? await TrainBaseAsync(cancellation);
        while (state is not null && state.Round < options.Rounds && state.RoundsWithoutBetterBase < options.Patience && !engine.BudgetExhausted)
        {
            cancellation.ThrowIfCancellationRequested();
            state = await RoundAsync(state, cancellation);
        }
    }

    public void Dispose() => ranker.Dispose();

    /// <summary>
    /// Trains the spec's first base network as the first child and reports it as step 1, stage <c>base</c>. Without its
    /// accuracy no candidate can be compared with it: a base that fails ends the search with an error. Null when the budget
    /// allows no child at all.
    /// </summary>
    private async Task<MemnasState?> TrainBaseAsync(CancellationToken cancellation)
    {
        var sample = ResolveBase();
        if (engine.BudgetExhausted)
        {
            return null;
        }
        var trained = await ChildTraining.TrainAsync(engine, [sample], 0, cancellation);
        var child = trained.Single();
        if (child.Accuracy is not { } accuracy)
        {
            throw new InvalidOperationException(
                $"memnas: the base network ({options.Base}, child {child.Sequence}) failed to train; every candidate is measured against it, so the search cannot go on");
        }
        var network = Network(child.Sequence, sample, accuracy);
        var state = new MemnasState { Base = network, Trained = trained };
        var round = new SearchRound(1, SearchRound.BaseTrained) { Base = network };
        return await FinishStepAsync(state, round, [child.Sequence], cancellation);
    }

    private Sample ResolveBase()
    {
        try
        {
            return NamedSamples.Resolve(space, options.Base);
        }
        catch (ArgumentException e)
        {
            throw new SpecException("memnas strategy options", null, [new SpecProblem("memnas.base", e.Message)]);
        }
    }

    /// <summary>Reports the step, then checkpoints the state after it with the ranker as it now is.</summary>
    private async Task<MemnasState> FinishStepAsync(MemnasState state, SearchRound round, IReadOnlyList<long> included, CancellationToken cancellation)
    {
        await engine.ReportRoundAsync(round, cancellation);
        var saved = state with { Ranker = ranker.SaveState() };
        await engine.CheckpointAsync(saved.ToBytes(), included, cancellation);
        return saved;
    }

    private MemnasNetwork Network(long sequence, Sample sample, double accuracy)
    {
        var memory = Footprint(sample);
        return new MemnasNetwork(sequence, sample.Canonical, accuracy, memory.ParamBytes, memory.PeakActivationBytes);
    }

    /// <summary>The memory of the sample's target view (lifetime analysis), computed once per architecture.</summary>
    private MemoryFootprint Footprint(Sample sample)
    {
        lock (footprints)
        {
            if (footprints.TryGetValue(sample.Canonical, out var known))
            {
                return known;
            }
        }
        var memory = MemoryFootprint.Of(space.Freeze(sample));
        lock (footprints)
        {
            footprints[sample.Canonical] = memory;
        }
        return memory;
    }
}
