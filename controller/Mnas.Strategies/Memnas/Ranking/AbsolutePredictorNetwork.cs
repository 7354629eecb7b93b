using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// The ablation's absolute predictor: after the encoder, two ReLU layers of <see cref="WidthFor"/> units (<c>hidden1</c>,
/// <c>hidden2</c>) and a linear score (<c>score</c>) read each candidate's own feature — never the base's, never another
/// candidate's. The width makes its parameters about as many as the structure-correlation controller's.
/// </summary>
internal sealed class AbsolutePredictorNetwork : RankerNetwork
{
    public AbsolutePredictorNetwork(int blockWidth, int hiddenUnits)
        : base(blockWidth, hiddenUnits)
    {
        var width = WidthFor(hiddenUnits);
        hidden1 = register_module(nameof(hidden1), torch.nn.Linear(hiddenUnits, width));
        hidden2 = register_module(nameof(hidden2), torch.nn.Linear(width, width));
        score = register_module(nameof(score), torch.nn.Linear(width, 1));
    }

    public Linear hidden1 { get; }

    public Linear hidden2 { get; }

    public Linear score { get; }

    /// <summary>
    /// The layers' width m whose parameters, m² + (h + 3)m + 1, come closest to those of the controller's ranking cell and
    /// score layer, 8h² + 9h + 1 (h hidden units): the whole number on either side of the positive root that misses by less.
    /// </summary>
    public static int WidthFor(int hiddenUnits)
    {
        double h = hiddenUnits;
        var target = 8 * h * h + 9 * h;
        var root = (-(h + 3) + Math.Sqrt((h + 3) * (h + 3) + 4 * target)) / 2;
        double Miss(double m) => Math.Abs(m * m + (h + 3) * m - target);
        var (below, above) = (Math.Max(1, Math.Floor(root)), Math.Ceiling(root));
        return (int)(Miss(below) <= Miss(above) ? below : above);
    }

    public override Tensor Scores(Tensor features, RoundBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var candidates = features.index_select(0, batch.RowOfCandidate);
        var first = hidden1.forward(candidates).relu();
        var second = hidden2.forward(first).relu();
        return score.forward(second).flatten().MoveToOuterDisposeScope();
    }
}
