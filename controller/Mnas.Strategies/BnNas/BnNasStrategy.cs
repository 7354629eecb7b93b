using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.BnNas;

/// <summary>
/// BN-NAS (bn-nas): the engine trains the campaign's single-path supernet once, on one worker, which leaves the BN
/// indicator and the cost of every candidate at every layer; an evolution over those (no data, no validation pass)
/// finds the best subnets within the constraints; the engine records the evolution; the chosen subnets are then
/// trained from scratch as ordinary children, best first, while the budget lasts. It keeps no state of its own: a
/// resumed campaign gets the same supernet back from the engine and, from the same seed, runs the same evolution and
/// proposes the same children, which the engine matches to those recorded.
/// </summary>
public sealed class BnNasStrategy : ISearchStrategy
{
    private readonly BnNasStrategyOptions options;

    public BnNasStrategy(BnNasStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        this.options = options;
    }

    public string Name => "bn-nas";

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine is not ISupernetEngine supernet)
        {
            throw new InvalidOperationException($"strategy {Name} needs an engine that trains supernets");
        }
        var posterior = await supernet.TrainSupernetAsync(cancellation);
        if (posterior.Scores is null || posterior.Costs is null)
        {
            throw new InvalidOperationException(
                $"strategy {Name}: the trained supernet left no BN indicator scores and candidate costs to search (a single-path supernet leaves both)");
        }
        posterior.ThrowIfInconsistent();
        var found = IndicatorEvolution.Search(posterior.Candidates, posterior.Scores, posterior.Costs, options.Constraints, options.Evolution);
        await supernet.RecordEvolutionAsync(found.Evolution, cancellation);

        await FixedChildren.TrainAsync(engine, found.Proposals(), cancellation);
    }
}
