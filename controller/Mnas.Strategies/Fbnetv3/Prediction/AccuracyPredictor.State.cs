using System.Globalization;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Serialization;
using Mnas.Torch;

namespace Mnas.Strategies.Fbnetv3.Prediction;

public sealed partial class AccuracyPredictor
{
    private const string Kind = "fbnetv3-accuracy-predictor";
    private const string PretrainedPrefix = "pretrained.";

    /// <summary>
    /// The whole predictor as one <see cref="TensorArchive"/>: the current weights under their names, the pretrained
    /// encoder under <c>pretrained.*</c>, and in the metadata the sizes, the generator's state and the standardisations
    /// (as round-trip decimal text), so that <see cref="Load"/> gives back a predictor that predicts and refits bit for bit
    /// as this one.
    /// </summary>
    public byte[] Save()
    {
        var arrays = network.named_parameters().Select(p => new NamedArray(p.Name, p.Parameter.shape, p.Parameter.data<float>())).ToList();
        if (pretrainedEncoder is not null)
        {
            arrays.AddRange(network.EncoderParameters.Select((p, i) => new NamedArray(PretrainedPrefix + p.Name, p.Parameter.shape, pretrainedEncoder[i])));
        }

        var metadata = new Dictionary<string, string>
        {
            ["kind"] = Kind,
            ["features"] = Features.ToString(CultureInfo.InvariantCulture),
            ["hidden_units"] = options.HiddenUnits.ToString(CultureInfo.InvariantCulture),
            ["pretrained"] = Pretrained ? "true" : "false",
            ["fitted"] = Fitted ? "true" : "false",
            ["rng"] = string.Join(' ', rng.GetState().Select(w => w.ToString(CultureInfo.InvariantCulture))),
            ["macs"] = Text(macs),
            ["params"] = Text(parameterCount),
            ["accuracy"] = Text(accuracy),
        };
        return TensorArchive.Write(arrays, metadata);
    }

    /// <summary>
    /// A predictor continuing from what <see cref="Save"/> wrote; <paramref name="options"/> must name the saved hidden
    /// units (their seed is not used: the saved generator goes on). Throws <see cref="InvalidDataException"/> naming what
    /// does not fit.
    /// </summary>
    public static AccuracyPredictor Load(byte[] state, PredictorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (arrays, metadata) = TensorArchive.Read(state);
        if (!metadata.TryGetValue("kind", out var kind) || kind != Kind)
        {
            throw new InvalidDataException($"not an accuracy predictor's state (kind '{kind}')");
        }

        var features = Integer(metadata, "features");
        var hiddenUnits = Integer(metadata, "hidden_units");
        if (hiddenUnits != options.HiddenUnits)
        {
            throw new InvalidDataException($"hidden_units: the state has {hiddenUnits}, the options {options.HiddenUnits}");
        }

        var predictor = new AccuracyPredictor(features, options);
        try
        {
            predictor.Restore(arrays, metadata);
            return predictor;
        }
        catch
        {
            predictor.Dispose();
            throw;
        }
    }

    private void Restore(IReadOnlyDictionary<string, NamedArray> arrays, IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, parameter) in network.named_parameters())
        {
            var array = Array(arrays, name, parameter.shape);
            using var noGrad = torch.no_grad();
            using var source = torch.tensor(array.Data, array.Shape);
            parameter.copy_(source);
        }

        pretrainedEncoder = Flag(metadata, "pretrained")
            ? network.EncoderParameters.Select(p => Array(arrays, PretrainedPrefix + p.Name, p.Parameter.shape).Data).ToArray()
            : null;
        Fitted = Flag(metadata, "fitted");
        var words = Entry(metadata, "rng").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            rng = Xoshiro256StarStar.FromState(words.Select(w => ulong.Parse(w, CultureInfo.InvariantCulture)).ToArray());
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"rng: '{Entry(metadata, "rng")}' is not a generator state ({e.Message})");
        }

        macs = Parse(metadata, "macs");
        parameterCount = Parse(metadata, "params");
        accuracy = Parse(metadata, "accuracy");
    }

    private static NamedArray Array(IReadOnlyDictionary<string, NamedArray> arrays, string name, long[] shape)
    {
        if (!arrays.TryGetValue(name, out var array))
        {
            throw new InvalidDataException($"the state has no array '{name}'");
        }

        if (!array.Shape.SequenceEqual(shape))
        {
            throw new InvalidDataException($"'{name}' has shape [{string.Join(", ", array.Shape)}] in the state but [{string.Join(", ", shape)}] here");
        }

        return array;
    }

    private static string Text(Standardisation s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Mean:R} {s.Deviation:R}");

    private static Standardisation Parse(IReadOnlyDictionary<string, string> metadata, string key)
    {
        var parts = Entry(metadata, key).Split(' ');
        if (parts.Length == 2 &&
            double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var mean) &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var deviation) && deviation > 0)
        {
            return new Standardisation(mean, deviation);
        }

        throw new InvalidDataException($"{key}: '{metadata[key]}' is not a mean and a positive deviation");
    }

    private static int Integer(IReadOnlyDictionary<string, string> metadata, string key) =>
        int.TryParse(Entry(metadata, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidDataException($"{key}: '{metadata[key]}' is not a positive whole number");

    private static bool Flag(IReadOnlyDictionary<string, string> metadata, string key) => Entry(metadata, key) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new InvalidDataException($"{key}: '{other}' is neither true nor false"),
    };

    private static string Entry(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"the state has no '{key}'");
}
