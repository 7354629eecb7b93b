using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Statistics;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

/// <summary>
/// A synthetic MemNAS campaign on a four-block space with the default choices. Rounds form a walk, as a campaign's do:
/// the first base is a random sample, and each later base is one of the round before's candidates (drawn at random, so
/// the walk keeps moving). A round's candidates are every sample one layer-delta or width step away from its base in one
/// block, in a shuffled order. A candidate's y is f(candidate) − f(base) plus a little noise, where f weighs each block's
/// layer delta and width step (both in −1, 0, 1) by weights of its own and adds one interaction (the second block's layer
/// delta times the fourth's width step). The other decisions (op, kernel, SE, skip) differ from walk to walk but never
/// count, so a ranker must learn to look past them; and y is relative to the base, which only the controller reads.
/// </summary>
internal static class SyntheticRounds
{
    /// <summary>Rounds a ranker is fitted on, as after the first eight rounds of a campaign.</summary>
    public const int TrainingRounds = 8;

    /// <summary>The rounds after those, which the fitted ranker ranks.</summary>
    public const int HeldOutRounds = 4;

    public static readonly CampaignSpec Spec = new()
    {
        Skeleton = new SkeletonSpec
        {
            StemChannels = 16, Blocks = [new(16, 1, 1), new(24, 2, 2), new(40, 2, 2), new(80, 2, 2)], HeadChannels = 256,
        },
        Target = new TargetSpec { Input = new(3, 32, 32), Classes = 10 },
    };

    public static readonly ModelSpace Space = new(Spec);

    private static readonly double[] LayerWeights = [0.30, -0.20, 0.50, 0.15];
    private static readonly double[] WidthWeights = [-0.10, 0.25, 0.05, 0.40];
    private const double Interaction = 0.20;
    private const double NoiseDeviation = 0.02;

    /// <summary>One walk of <see cref="TrainingRounds"/> then <see cref="HeldOutRounds"/> rounds, every candidate measured.</summary>
    public static Walk Draw(int seed)
    {
        var rng = new Random(seed);
        var rounds = new List<RankingRound>();
        var @base = Space.Random(rng);
        while (rounds.Count < TrainingRounds + HeldOutRounds)
        {
            var round = Round(@base, rng);
            rounds.Add(round);
            @base = round.Candidates[rng.Next(round.Candidates.Count)];
        }

        return new Walk(rounds.Take(TrainingRounds).ToArray(), rounds.Skip(TrainingRounds).ToArray());
    }

    /// <summary>The noiseless value of a sample's structure.</summary>
    public static double Value(Sample sample)
    {
        var value = 0.0;
        for (var block = 1; block <= LayerWeights.Length; block++)
        {
            value += LayerWeights[block - 1] * Step(sample, $"b{block}.layers") + WidthWeights[block - 1] * Step(sample, $"b{block}.width");
        }

        return value + Interaction * Step(sample, "b2.layers") * Step(sample, "b4.width");
    }

    private static RankingRound Round(Sample @base, Random rng)
    {
        var candidates = Neighbours(@base).OrderBy(_ => rng.Next()).ToArray();
        var baseValue = Value(@base);
        var measured = candidates.Select(c => (double?)(Value(c) - baseValue + NoiseDeviation * Gaussian(rng))).ToArray();
        return new RankingRound(@base, candidates, measured);
    }

    /// <summary>Every sample one step of one block's layer delta or width away from <paramref name="base"/>.</summary>
    private static IEnumerable<Sample> Neighbours(Sample @base)
    {
        var tokens = @base.ToTokens();
        for (var position = 0; position < tokens.Length; position++)
        {
            var decision = Space.Decisions[position];
            if (decision.Kind is not (DecisionKind.Layers or DecisionKind.Width))
            {
                continue;
            }

            foreach (var next in new[] { tokens[position] - 1, tokens[position] + 1 })
            {
                if (next >= 0 && next < decision.Choices.Count)
                {
                    var changed = (int[])tokens.Clone();
                    changed[position] = next;
                    yield return Space.FromTokens(changed);
                }
            }
        }
    }

    /// <summary>A choice's step from the middle of three (−1, 0, 1): the layer delta, or the width's index less one.</summary>
    private static int Step(Sample sample, string decision) => sample[decision] - 1;

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>The rounds a ranker is fitted on and the rounds after them it is judged on.</summary>
internal sealed record Walk(IReadOnlyList<RankingRound> Training, IReadOnlyList<RankingRound> HeldOut)
{
    /// <summary>The mean over the held-out rounds of Kendall's τ between the ranker's scores and the measured y.</summary>
    public double HeldOutTau(ICandidateRanker ranker) =>
        HeldOut.Average(r => KendallTau.TauB(ranker.Score(r.Base, r.Candidates), r.Measured.Select(y => y!.Value).ToArray()));
}
