using Mnas.Costs;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Tests.Fbnetv3.Prediction;

/// <summary>
/// A synthetic task for the accuracy predictor on a four-block space of 32×32 images: a pair's "accuracy" is a smooth
/// function of the architecture's log multiply-adds and log parameters (more capacity helps, with diminishing returns),
/// of the learning rate (best near one point of its log range), of the label smoothing and of one decision, plus a little
/// noise. Most of it comes from the costs, which a predictor can learn from free labels before any child is trained.
/// </summary>
internal sealed class SyntheticPairs
{
    public static readonly CampaignSpec Spec = new()
    {
        Skeleton = new SkeletonSpec
        {
            StemChannels = 16, Blocks = [new(16, 1, 1), new(24, 2, 2), new(40, 2, 2), new(80, 2, 2)], HeadChannels = 256,
        },
        Target = new TargetSpec { Input = new(3, 32, 32), Classes = 10 },
    };

    private const double NoiseDeviation = 0.003;

    /// <param name="recipeBins">The encoder's bins per numeric recipe feature (the same pairs and accuracies whatever they are).</param>
    public SyntheticPairs(int recipeBins = PairEncoder.DefaultRecipeBins)
    {
        Space = new ModelSpace(Spec);
        Recipes = new RecipeSpace(new RecipeSpaceSpec());
        Encoder = new PairEncoder(Space, Recipes, recipeBins);
        var reference = Draw(new Random(0), 500, withAccuracy: false);
        logMacs = Moments(reference.Costs.Select(c => Math.Log(c.Macs)));
        logParams = Moments(reference.Costs.Select(c => Math.Log(c.Params)));
    }

    private readonly (double Mean, double Deviation) logMacs;
    private readonly (double Mean, double Deviation) logParams;

    public ModelSpace Space { get; }

    public RecipeSpace Recipes { get; }

    public PairEncoder Encoder { get; }

    /// <summary><paramref name="count"/> random pairs: their features, their costs and their accuracies.</summary>
    public Pairs Draw(Random rng, int count) => Draw(rng, count, withAccuracy: true);

    private Pairs Draw(Random rng, int count, bool withAccuracy)
    {
        var samples = new List<Sample>();
        var recipes = new List<Recipe>();
        var features = new List<float[]>();
        var costs = new List<ArchitectureCosts>();
        var accuracies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var sample = Space.Random(rng);
            var recipe = Recipes.Random(rng);
            samples.Add(sample);
            recipes.Add(recipe);
            var report = CostAnalysis.Analyze(Space.Freeze(sample));
            var cost = new ArchitectureCosts(0, report.Params, report.Macs, report.PeakActivationBytes);
            features.Add(Encoder.Encode(sample, recipe));
            costs.Add(cost);
            accuracies.Add(withAccuracy ? Accuracy(sample, recipe, cost) + NoiseDeviation * Gaussian(rng) : 0);
        }

        return new Pairs(samples, recipes, features, costs, accuracies);
    }

    /// <summary>The first <paramref name="count"/> pairs' features with the learning rate at this point of its (log) range.</summary>
    public IReadOnlyList<float[]> WithLearningRate(Pairs pairs, int count, double unit) =>
        pairs.Samples.Take(count).Zip(pairs.Recipes, (sample, recipe) =>
        {
            var point = Recipes.Unit(recipe);
            point[1] = unit;
            return Encoder.Encode(sample, Recipes.At(point));
        }).ToList();

    private double Accuracy(Sample sample, Recipe recipe, ArchitectureCosts cost)
    {
        var macs = (Math.Log(cost.Macs) - logMacs.Mean) / logMacs.Deviation;
        var parameters = (Math.Log(cost.Params) - logParams.Mean) / logParams.Deviation;
        var encoded = Recipes.Encode(recipe);
        var learningRate = encoded[Recipes.Features - 9];
        var labelSmoothing = encoded[Recipes.Features - 5];
        return 0.7 + 0.05 * Math.Tanh(macs) + 0.02 * Math.Tanh(parameters)
            - 0.25 * (learningRate - 0.6) * (learningRate - 0.6)
            - 0.01 * (labelSmoothing - 0.4) * (labelSmoothing - 0.4)
            + (sample["b2.se"] == 1 ? 0.005 : 0);
    }

    private static (double Mean, double Deviation) Moments(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count));
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>Pairs, encoded, with their free labels (costs) and their accuracies.</summary>
internal sealed record Pairs(
    IReadOnlyList<Sample> Samples, IReadOnlyList<Recipe> Recipes, IReadOnlyList<float[]> Features, IReadOnlyList<ArchitectureCosts> Costs, IReadOnlyList<double> Accuracies);
