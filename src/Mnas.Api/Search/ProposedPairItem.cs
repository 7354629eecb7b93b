using Mnas.Api.Children;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// An architecture–recipe pair a requery proposes: the name a child of it would go by (its sample and recipe), the recipe
/// field by field, the predictor's accuracy for it and what its architecture costs on the campaign's target.
/// </summary>
public sealed record ProposedPairItem(string Architecture, RecipeItem? Recipe, double PredictedAccuracy, PairCostsItem Costs)
{
    public static ProposedPairItem From(ProposedPair pair) =>
        new(pair.Architecture, RecipeItem.Of(pair.Architecture), pair.PredictedAccuracy,
            new PairCostsItem(pair.Costs.LatencyMs, pair.Costs.Params, pair.Costs.Macs, pair.Costs.PeakActivationBytes));
}
