using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// MemNAS (memnas): memory-efficient search by growing and trimming a base network. The first base (the spec's) trains
/// as the first child; then each round takes every grow and trim of the base not trained before
/// (<see cref="SearchSpace.GrowTrim.GrowTrimCandidates"/>), ranks them — by the memory they save while the ranker has
/// no data, by the ranker after — trains the top k as children, measures each one's memory efficiency y against the base
/// (<see cref="Rewards.MemoryEfficiency"/>, memory of the target view by lifetime analysis), makes the best with y &gt; 0
/// the next base, and fits the ranker to every round so far. It stops after the rounds, on the budget, when no candidate
/// is left, or after <c>patience</c> rounds in a row without a better base. Each step is reported
/// (<see cref="IPredictorEngine.ReportRoundAsync"/>) and checkpointed with nothing in flight; a resumed campaign goes on
/// from its last step, proposing the same children, which the engine matches to those recorded.
/// </summary>
public sealed class MemnasStrategy : ISearchStrategy
{
    private readonly MemnasStrategyOptions options;

    public MemnasStrategy(MemnasStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MemnasStrategyOptionsValidator.Instance.ThrowIfInvalid(options);
        this.options = options;
    }

    public string Name => "memnas";

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(engine);
        if (engine is not IPredictorEngine predictorEngine)
        {
            throw new InvalidOperationException($"strategy {Name} needs an engine that keeps search rounds (a predictor engine)");
        }
        var restored = restoredState is null ? null : MemnasState.FromBytes(restoredState);
        using var search = new MemnasSearch(space, predictorEngine, options, restored);
        await search.RunAsync(restored, cancellation);
    }
}
