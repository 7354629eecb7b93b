using System.Globalization;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Recipes;

/// <summary>
/// How one child trains, as FBNetV3 searches it together with the architecture: the optimiser, learning rate, weight
/// decay, epochs, batch size and the regularisation. Written as <c>optimizer=adamw lr=0.041 wd=2.1e-05 epochs=4 batch=64
/// label_smoothing=0.05 dropout=0.1 stochastic_depth=0.05 mixup=0.2 ema=0.999</c> (<see cref="ToText"/>, <see cref="Parse"/>).
/// </summary>
public sealed record Recipe(
    string Optimizer,
    double LearningRate,
    double WeightDecay,
    int Epochs,
    int BatchSize,
    double LabelSmoothing,
    double Dropout,
    double StochasticDepth,
    double MixupAlpha,
    double EmaDecay)
{
    private static readonly string[] Keys =
        ["optimizer", "lr", "wd", "epochs", "batch", "label_smoothing", "dropout", "stochastic_depth", "mixup", "ema"];

    /// <summary>The recipe every child of a campaign trains with when it is not searched: the proxy task's settings (the skeleton's dropout when the proxy names none).</summary>
    public static Recipe Of(CampaignSpec spec)
    {
        var p = spec.Proxy;
        return new Recipe(p.Optimizer, p.LearningRate, p.WeightDecay, p.Epochs, p.BatchSize, p.LabelSmoothing, p.Dropout ?? spec.Skeleton.Dropout,
            p.StochasticDepth, p.MixupAlpha, p.EmaDecay);
    }

    /// <summary>The proxy task's settings with this recipe's in place of its own (momentum, data and seed stay).</summary>
    public ProxySpec ApplyTo(ProxySpec proxy) => proxy with
    {
        Optimizer = Optimizer, LearningRate = LearningRate, WeightDecay = WeightDecay, Epochs = Epochs, BatchSize = BatchSize,
        LabelSmoothing = LabelSmoothing, Dropout = Dropout, StochasticDepth = StochasticDepth, MixupAlpha = MixupAlpha, EmaDecay = EmaDecay,
    };

    /// <summary>The spec a child with this recipe trains by.</summary>
    public CampaignSpec ApplyTo(CampaignSpec spec) => spec with { Proxy = ApplyTo(spec.Proxy) };

    public string ToText() => string.Join(' ', Keys.Zip(Values(), (k, v) => $"{k}={v}"));

    public override string ToString() => ToText();

    /// <summary>Reads <see cref="ToText"/>'s form back; text that is not one (a key missing, unknown or repeated, a value not a number) is refused naming the key.</summary>
    public static Recipe Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? part[..equals] : part;
            if (equals <= 0 || !Keys.Contains(key))
            {
                throw new FormatException($"recipe '{text}': '{part}' is not one of {string.Join(", ", Keys.Select(k => k + "=…"))}");
            }
            if (!values.TryAdd(key, part[(equals + 1)..]))
            {
                throw new FormatException($"recipe '{text}': {key} is given twice");
            }
        }
        var missing = Keys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"recipe '{text}': {string.Join(", ", missing)} missing");
        }
        return new Recipe(values["optimizer"], Number(values, "lr", text), Number(values, "wd", text), (int)Integer(values, "epochs", text),
            (int)Integer(values, "batch", text), Number(values, "label_smoothing", text), Number(values, "dropout", text),
            Number(values, "stochastic_depth", text), Number(values, "mixup", text), Number(values, "ema", text));
    }

    private IEnumerable<string> Values()
    {
        yield return Optimizer;
        yield return Format(LearningRate);
        yield return Format(WeightDecay);
        yield return Epochs.ToString(CultureInfo.InvariantCulture);
        yield return BatchSize.ToString(CultureInfo.InvariantCulture);
        yield return Format(LabelSmoothing);
        yield return Format(Dropout);
        yield return Format(StochasticDepth);
        yield return Format(MixupAlpha);
        yield return Format(EmaDecay);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(Dictionary<string, string> values, string key, string text) =>
        double.TryParse(values[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"recipe '{text}': {key}: '{values[key]}' is not a number");

    private static long Integer(Dictionary<string, string> values, string key, string text) =>
        int.TryParse(values[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"recipe '{text}': {key}: '{values[key]}' is not a whole number");
}
