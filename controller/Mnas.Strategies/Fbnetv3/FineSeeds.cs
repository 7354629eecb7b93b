using Mnas.SearchSpace.Space;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// The pairs the fine stage starts from (FBNetV3: the best pairs so far): the <c>count</c> measured pairs of highest
/// accuracy, then the <c>count</c> the fitted predictor rates highest, then any others given, each once, by child name.
/// </summary>
internal static class FineSeeds
{
    public static IReadOnlyList<string> Of(ModelSpace space, PairEncoder encoder, AccuracyPredictor predictor, IEnumerable<TrainedPair> trained,
        int count, IEnumerable<string> others)
    {
        var measured = trained.Where(t => t.Accuracy is not null).ToList();
        var byAccuracy = measured.OrderByDescending(t => t.Accuracy!.Value).ThenBy(t => t.Sequence).Take(count).Select(t => t.Architecture);
        var predicted = measured.Count == 0
            ? []
            : predictor.Predict(measured.Select(t => Pair.Parse(space, t.Architecture)).Select(p => encoder.Encode(p.Sample, p.Recipe)).ToList());
        var byPrediction = measured.Select((t, i) => (t, Predicted: predicted[i])).OrderByDescending(p => p.Predicted).ThenBy(p => p.t.Sequence)
            .Take(count).Select(p => p.t.Architecture);
        return byAccuracy.Concat(byPrediction).Concat(others).Distinct(StringComparer.Ordinal).ToList();
    }
}
