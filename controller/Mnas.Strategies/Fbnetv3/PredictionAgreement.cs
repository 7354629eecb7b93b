using Mnas.SearchSpace.Predictor;
using Mnas.Strategies.Statistics;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>How well the predictor ranked trained children: the points of a step and Kendall's τ-b between predicted and measured accuracy.</summary>
internal static class PredictionAgreement
{
    public static IReadOnlyList<PredictedPoint> Points(IEnumerable<TrainedPair> trained) =>
        trained.Select(t => new PredictedPoint(t.Sequence, t.Architecture, t.Predicted, t.Accuracy)).ToList();

    /// <summary>τ over the points both predicted and measured; null with fewer than two or where either side is constant.</summary>
    public static double? Tau(IEnumerable<PredictedPoint> points)
    {
        var measured = points.Where(p => p.Measured is not null && p.Predicted is not null).ToList();
        if (measured.Count < 2)
        {
            return null;
        }
        var tau = KendallTau.TauB(measured.Select(p => p.Predicted!.Value).ToList(), measured.Select(p => p.Measured!.Value).ToList());
        return double.IsFinite(tau) ? tau : null;
    }
}
