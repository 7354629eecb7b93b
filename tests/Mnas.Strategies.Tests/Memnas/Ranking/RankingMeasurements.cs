using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

/// <summary>
/// Both rankers, untrained and fitted on the training rounds of three synthetic walks (<see cref="SyntheticRounds"/>),
/// judged by their mean Kendall τ on each walk's held-out rounds. Measured once for the tests that read them.
/// </summary>
public sealed class RankingMeasurements
{
    /// <summary>The walks measured: their mean smooths out how easy one walk's held-out rounds happen to be.</summary>
    public static readonly int[] Walks = [1, 2, 3];

    /// <summary>Small enough for a test, the same for both rankers: they differ in what they read, not in size or training.</summary>
    public static readonly RankerOptions Options = new() { HiddenUnits = 16, Epochs = 150, LearningRate = 0.01, Seed = 1 };

    public RankingMeasurements()
    {
        Controller = Measure(options => new StructureCorrelationController(SyntheticRounds.Space, options));
        Absolute = Measure(options => new AbsolutePredictor(SyntheticRounds.Space, options));
    }

    public Taus Controller { get; }

    public Taus Absolute { get; }

    private static Taus Measure(Func<RankerOptions, ICandidateRanker> create)
    {
        var untrained = new List<double>();
        var trained = new List<double>();
        foreach (var seed in Walks)
        {
            var walk = SyntheticRounds.Draw(seed);
            using var ranker = create(Options);
            untrained.Add(walk.HeldOutTau(ranker));
            ranker.Fit(walk.Training);
            trained.Add(walk.HeldOutTau(ranker));
        }

        return new Taus(untrained, trained);
    }
}

/// <summary>A ranker's held-out τ per walk, before and after fitting.</summary>
public sealed record Taus(IReadOnlyList<double> Untrained, IReadOnlyList<double> Trained)
{
    public double MeanUntrained => Untrained.Average();

    public double MeanTrained => Trained.Average();

    public override string ToString() =>
        $"untrained {string.Join(" ", Untrained.Select(t => t.ToString("F3")))} (mean {MeanUntrained:F3}), " +
        $"fitted {string.Join(" ", Trained.Select(t => t.ToString("F3")))} (mean {MeanTrained:F3})";
}
