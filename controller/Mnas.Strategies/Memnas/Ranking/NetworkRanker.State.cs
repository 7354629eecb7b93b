using System.Globalization;
using Mnas.Strategies.Rl;
using Mnas.Strategies.Serialization;

namespace Mnas.Strategies.Memnas.Ranking;

internal sealed partial class NetworkRanker
{
    private const string NetworkPrefix = "net.";
    private const string AdamPrefix = "adam.";

    /// <summary>
    /// The ranker as one <see cref="TensorArchive"/>: the weights under <c>net.*</c>, Adam's moments under <c>adam.m.*</c> and
    /// <c>adam.v.*</c>, and in the metadata its kind, the space's decisions, the hidden units and Adam's step count.
    /// </summary>
    public byte[] SaveState()
    {
        var arrays = network.named_parameters()
            .Select(p => new NamedArray(NetworkPrefix + p.Name, p.Parameter.shape, p.Parameter.data<float>()))
            .Concat(adam.ExportMoments(AdamPrefix))
            .ToArray();
        var metadata = new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["space"] = encoding.Signature,
            ["hidden_units"] = options.HiddenUnits.ToString(CultureInfo.InvariantCulture),
            ["adam_steps"] = adam.StepCount.ToString(CultureInfo.InvariantCulture),
        };
        return TensorArchive.Write(arrays, metadata);
    }

    /// <summary>Takes the weights and Adam's state from <paramref name="state"/>, refusing one of another kind, space or size.</summary>
    private void Restore(byte[] state)
    {
        var (arrays, metadata) = TensorArchive.Read(state);
        var savedKind = Entry(metadata, "kind");
        if (savedKind != kind)
        {
            throw new InvalidDataException($"the state is a '{savedKind}' ranker's, not a '{kind}' ranker's");
        }

        if (Entry(metadata, "space") != encoding.Signature)
        {
            throw new InvalidDataException("the ranker state was saved for another search space (its decisions or choice counts differ)");
        }

        var hiddenUnits = Entry(metadata, "hidden_units");
        if (hiddenUnits != options.HiddenUnits.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"hidden_units: the state has {hiddenUnits}, the options {options.HiddenUnits}");
        }

        if (!long.TryParse(Entry(metadata, "adam_steps"), NumberStyles.None, CultureInfo.InvariantCulture, out var steps))
        {
            throw new InvalidDataException($"adam_steps: '{metadata["adam_steps"]}' is not a whole number of steps");
        }

        foreach (var (name, parameter) in network.named_parameters())
        {
            StateTensors.CopyInto(parameter, arrays, NetworkPrefix + name);
        }

        adam.ImportMoments(arrays, AdamPrefix, steps);
    }

    private static string Entry(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"not a ranker's state: it has no '{key}'");
}
