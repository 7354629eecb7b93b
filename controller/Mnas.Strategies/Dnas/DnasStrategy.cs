using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Dnas;

/// <summary>
/// FBNet's differentiable search (fbnet) and FBNetV2's (fbnetv2: with channel and resolution masking): the engine
/// trains the campaign's supernet once, on one worker; then <see cref="DnasStrategyOptions.Samples"/> distinct children
/// are drawn from its posterior P_θ and trained from scratch as ordinary children, while the budget lasts. It keeps no
/// state of its own: a resumed campaign gets the supernet's posterior back from the engine and draws the same children
/// from the same seed, which the engine matches to those recorded.
/// </summary>
public sealed class DnasStrategy : ISearchStrategy
{
    private readonly DnasStrategyOptions options;

    public DnasStrategy(DnasStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        this.options = options;
    }

    public string Name => options.Name;

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine is not ISupernetEngine supernet)
        {
            throw new InvalidOperationException($"strategy {Name} needs an engine that trains supernets");
        }
        var posterior = await supernet.TrainSupernetAsync(cancellation);
        await FixedChildren.TrainAsync(engine, SupernetDraws.Distinct(posterior, options.Samples, options.Seed), cancellation);
    }
}
