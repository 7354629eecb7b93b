using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// FBNetV3 (fbnetv3): architecture and training recipe searched together through an accuracy predictor. The predictor's
/// encoder is pretrained on free labels (parameters and multiply-adds of random architectures); coarse rounds train
/// children picked from Sobol pools of pairs within the constraints — the first round by the sequence, later ones by the
/// predictor, refitted after every round —; a fine stage evolves pairs over the predictor alone; and its best pairs are
/// trained as the last children. Every child's architecture names its recipe (<see cref="SearchSpace.Recipes.RecipeChildName"/>).
/// Each step is reported (<see cref="IPredictorEngine.ReportRoundAsync"/>) and checkpointed with nothing in flight; a
/// resumed campaign goes on from its last step, proposing the same children, which the engine matches to those recorded.
/// </summary>
public sealed class Fbnetv3Strategy : ISearchStrategy
{
    private readonly Fbnetv3StrategyOptions options;

    public Fbnetv3Strategy(Fbnetv3StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Fbnetv3StrategyOptionsValidator.Instance.ThrowIfInvalid(options);
        this.options = options;
    }

    public string Name => "fbnetv3";

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(engine);
        if (engine is not IPredictorEngine predictorEngine)
        {
            throw new InvalidOperationException($"strategy {Name} needs an engine that costs architectures and keeps search rounds (a predictor engine)");
        }
        var restored = restoredState is null ? null : Fbnetv3State.FromBytes(restoredState);
        using var search = new Fbnetv3Search(space, predictorEngine, options, restored);
        await search.RunAsync(restored, cancellation);
    }
}
