using System.Text.Json;
using System.Text.Json.Serialization;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Serialization;

namespace Mnas.Strategies.Rl;

/// <summary>Saving and restoring the controller's whole state.</summary>
public sealed partial class RlController
{
    private const string NetworkPrefix = "net.";
    private const string AdamPrefix = "adam.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The whole state as bytes (safetensors layout: weights and Adam moments, the rest as JSON metadata).</summary>
    public byte[] SaveState()
    {
        var state = new ControllerState
        {
            Space = layout.Signature,
            HiddenSize = Options.HiddenSize,
            EmbeddingSize = Options.EmbeddingSize,
            PolicyVersion = PolicyVersion,
            AdamSteps = adam.StepCount,
            Baseline = baseline.Value,
            Rng = rng.GetState(),
            Buffer = buffer.Select(b => new OutcomeRecord(b.Outcome.Sequence, b.Outcome.Sample.Canonical, b.Outcome.LogProbability,
                b.Outcome.PolicyVersion, b.Outcome.Reward, b.Outcome.Failed)).ToArray(),
            Excluded = excluded.ToArray(),
            Absorbed = absorbed.Order().ToArray(),
        };
        var arrays = network.named_parameters()
            .Select(p => new NamedArray(NetworkPrefix + p.Name, p.Parameter.shape, p.Parameter.data<float>()))
            .Concat(adam.ExportMoments(AdamPrefix))
            .ToArray();
        return TensorArchive.Write(arrays, new Dictionary<string, string> { [ControllerState.MetadataKey] = JsonSerializer.Serialize(state, Json) });
    }

    /// <summary>
    /// The controller a <see cref="SaveState"/> describes, continuing bitwise where it stopped. The space and the
    /// network sizes must be those it was saved with; other options (learning rate, say) may change on resume.
    /// </summary>
    public static RlController Restore(ModelSpace space, ControllerOptions options, byte[] bytes)
    {
        var (arrays, metadata) = TensorArchive.Read(bytes);
        if (!metadata.TryGetValue(ControllerState.MetadataKey, out var json))
        {
            throw new InvalidDataException($"not an RL controller state: no '{ControllerState.MetadataKey}' metadata");
        }

        var state = JsonSerializer.Deserialize<ControllerState>(json, Json) ?? throw new InvalidDataException("the controller state is empty");
        if (state.Format != ControllerState.CurrentFormat)
        {
            throw new InvalidDataException($"controller state format {state.Format} is not supported (expected {ControllerState.CurrentFormat})");
        }

        var controller = new RlController(space, options, initialize: false);
        try
        {
            controller.Load(state, arrays);
            return controller;
        }
        catch
        {
            controller.Dispose();
            throw;
        }
    }

    private void Load(ControllerState state, IReadOnlyDictionary<string, NamedArray> arrays)
    {
        if (state.Space != layout.Signature)
        {
            throw new InvalidDataException("the controller state was saved for another search space (its decisions or choice counts differ)");
        }

        if (state.HiddenSize != Options.HiddenSize || state.EmbeddingSize != Options.EmbeddingSize)
        {
            throw new InvalidDataException(
                $"the controller state has hidden_size {state.HiddenSize} and embedding_size {state.EmbeddingSize}, " +
                $"the options {Options.HiddenSize} and {Options.EmbeddingSize}");
        }

        foreach (var (name, parameter) in network.named_parameters())
        {
            StateTensors.CopyInto(parameter, arrays, NetworkPrefix + name);
        }

        adam.ImportMoments(arrays, AdamPrefix, state.AdamSteps);
        PolicyVersion = state.PolicyVersion;
        if (state.Baseline is { } value)
        {
            baseline.Update(value);
        }

        sampler = null;
        rng = Xoshiro256StarStar.FromState(state.Rng);
        foreach (var record in state.Buffer)
        {
            var outcome = new Outcome(record.Sequence, space.Parse(record.Sample), record.LogProbability, record.PolicyVersion, record.Reward,
                record.Failed);
            // A failure policy changed on resume may now leave a buffered child out.
            if (Options.Failure.RewardForUpdate(outcome) is { } reward)
            {
                buffer.Add((outcome, reward));
            }
            else
            {
                excluded.Add(outcome.Sequence);
            }
        }

        excluded.AddRange(state.Excluded);
        absorbed.UnionWith(state.Absorbed);
    }
}
