using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Recipes;

/// <summary>
/// The searched recipes of an FBNetV3 campaign as a unit cube: <see cref="At"/> turns a point of [0, 1)^<see cref="Dimensions"/>
/// (a Sobol point, a uniform draw) into a recipe, <see cref="Encode"/> turns a recipe into the predictor's features (the
/// optimiser one-hot, every other dimension scaled to [0, 1], learning rate and weight decay on a log scale), and
/// <see cref="Mutate"/> re-draws dimensions. Continuous values are rounded to three significant digits, so a recipe's text stays short and exact.
/// </summary>
public sealed class RecipeSpace
{
    /// <summary>The dimensions in <see cref="At"/>'s order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["optimizer", "learning_rate", "weight_decay", "epochs", "batch_size", "label_smoothing", "dropout", "stochastic_depth", "mixup_alpha", "ema_decay"];

    private readonly RecipeSpaceSpec spec;
    private readonly RecipeRange[] ranges;

    public RecipeSpace(RecipeSpaceSpec spec)
    {
        this.spec = spec ?? throw new ArgumentNullException(nameof(spec));
        if (spec.Optimizers is not { Count: > 0 })
        {
            throw new ArgumentException("recipe.optimizers: needs at least one optimiser", nameof(spec));
        }
        ranges = [spec.LearningRate, spec.WeightDecay, spec.Epochs, spec.BatchSize, spec.LabelSmoothing, spec.Dropout, spec.StochasticDepth,
            spec.MixupAlpha, spec.EmaDecay];
    }

    public int Dimensions => Names.Count;

    /// <summary>The length of <see cref="Encode"/>'s features: one per optimiser and one per other dimension.</summary>
    public int Features => spec.Optimizers.Count + ranges.Length;

    public Recipe At(IReadOnlyList<double> unit)
    {
        if (unit.Count != Dimensions)
        {
            throw new ArgumentException($"a recipe point has {Dimensions} coordinates, not {unit.Count}", nameof(unit));
        }
        return new Recipe(
            spec.Optimizers[Index(unit[0], spec.Optimizers.Count)],
            Continuous(spec.LearningRate, unit[1], log: true),
            Continuous(spec.WeightDecay, unit[2], log: true),
            (int)Whole(spec.Epochs, unit[3]),
            (int)Whole(spec.BatchSize, unit[4]),
            Continuous(spec.LabelSmoothing, unit[5]),
            Continuous(spec.Dropout, unit[6]),
            Continuous(spec.StochasticDepth, unit[7]),
            Continuous(spec.MixupAlpha, unit[8]),
            Continuous(spec.EmaDecay, unit[9]));
    }

    /// <summary>A uniformly drawn recipe.</summary>
    public Recipe Random(Random rng) => At(Enumerable.Range(0, Dimensions).Select(_ => rng.NextDouble()).ToArray());

    /// <summary>The recipe with each dimension re-drawn uniformly with probability <paramref name="probability"/>.</summary>
    public Recipe Mutate(Recipe recipe, Random rng, double probability)
    {
        var unit = Unit(recipe);
        for (var i = 0; i < unit.Length; i++)
        {
            if (rng.NextDouble() < probability)
            {
                unit[i] = rng.NextDouble();
            }
        }
        return At(unit);
    }

    public double[] Encode(Recipe recipe)
    {
        var features = new double[Features];
        var optimizer = IndexOf(spec.Optimizers, recipe.Optimizer);
        if (optimizer >= 0)
        {
            features[optimizer] = 1;
        }
        var values = NumericValues(recipe);
        for (var i = 0; i < ranges.Length; i++)
        {
            features[spec.Optimizers.Count + i] = Scaled(ranges[i], values[i], log: i < 2);
        }
        return features;
    }

    /// <summary>A point of the cube that <see cref="At"/> maps back to the recipe (the middle of its cell for a listed or whole-number value).</summary>
    public double[] Unit(Recipe recipe)
    {
        var unit = new double[Dimensions];
        var optimizer = Math.Max(0, IndexOf(spec.Optimizers, recipe.Optimizer));
        unit[0] = (optimizer + 0.5) / spec.Optimizers.Count;
        var values = NumericValues(recipe);
        for (var i = 0; i < ranges.Length; i++)
        {
            var range = ranges[i];
            if (range.Values is { } list)
            {
                unit[i + 1] = (Math.Max(0, IndexOf(list, values[i])) + 0.5) / list.Count;
            }
            else if (i is 2 or 3)
            {
                unit[i + 1] = Math.Clamp((values[i] - range.Min!.Value + 0.5) / (range.Max!.Value - range.Min.Value + 1), 0, 0.999999);
            }
            else
            {
                unit[i + 1] = Math.Clamp(Scaled(range, values[i], log: i < 2), 0, 0.999999);
            }
        }
        return unit;
    }

    private static double[] NumericValues(Recipe r) =>
        [r.LearningRate, r.WeightDecay, r.Epochs, r.BatchSize, r.LabelSmoothing, r.Dropout, r.StochasticDepth, r.MixupAlpha, r.EmaDecay];

    private static int Index(double u, int count) => Math.Clamp((int)Math.Floor(u * count), 0, count - 1);

    private static double Continuous(RecipeRange range, double u, bool log = false)
    {
        if (range.Values is { } list)
        {
            return list[Index(u, list.Count)];
        }
        var (min, max) = (range.Min!.Value, range.Max!.Value);
        var value = log && min > 0 ? Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))) : min + u * (max - min);
        return Math.Clamp(Round3(value), min, max);
    }

    private static double Whole(RecipeRange range, double u)
    {
        if (range.Values is { } list)
        {
            return list[Index(u, list.Count)];
        }
        var (min, max) = ((long)Math.Ceiling(range.Min!.Value), (long)Math.Floor(range.Max!.Value));
        return min + Index(u, (int)(max - min + 1));
    }

    private static double Scaled(RecipeRange range, double value, bool log)
    {
        var (min, max) = range.Values is { } list ? (list.Min(), list.Max()) : (range.Min!.Value, range.Max!.Value);
        if (max <= min)
        {
            return 0;
        }
        return log && min > 0 && value > 0 ? (Math.Log(value) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)) : (value - min) / (max - min);
    }

    private static double Round3(double value) =>
        double.Parse(value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static int IndexOf<T>(IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return i;
            }
        }
        return -1;
    }
}
