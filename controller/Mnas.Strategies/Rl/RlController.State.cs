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
    private const string SamplingPrefix = "sampling.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The whole state as bytes (safetensors layout: weights and Adam moments, the rest as JSON metadata).</summary>
    public byte[] SaveState()
    {
        if (running is not null)
        {
            throw new InvalidOperationException("an update is running; complete it before saving the state");
        }

        var state = new ControllerState
        {
            Space = layout.Signature,
            HeadSharing = layout.Sharing,
            HiddenSize = Options.HiddenSize,
            EmbeddingSize = Options.EmbeddingSize,
            PolicyVersion = PolicyVersion,
            SamplingVersion = SamplingVersion,
            Proposals = proposals,
            Switches = switches.Select(s => new PolicySwitchRecord(s.Version, s.At)).ToArray(),
            AdamSteps = adam.StepCount,
            Baseline = baseline.Value,
            Rng = rng.GetState(),
            Buffer = buffer.Select(b => new OutcomeRecord(b.Outcome.Sequence, b.Outcome.RequireSample().Canonical, b.Outcome.LogProbability,
                b.Outcome.PolicyVersion, b.Outcome.Reward, b.Outcome.Failed)).ToArray(),
            Excluded = excluded.ToArray(),
            Absorbed = absorbed.Order().ToArray(),
        };
        var arrays = network.named_parameters()
            .Select(p => new NamedArray(NetworkPrefix + p.Name, p.Parameter.shape, p.Parameter.data<float>()))
            .Concat(adam.ExportMoments(AdamPrefix))
            .Concat(SamplingVersion == PolicyVersion ? [] : sampler.Weights.Select(w => w with { Name = SamplingPrefix + w.Name }))
            .Concat(switches.Where(s => s.Version != PolicyVersion).SelectMany(s => s.Sampler!.Weights.Select(w => w with { Name = PolicyPrefix(s.Version) + w.Name })))
            .ToArray();
        return TensorArchive.Write(arrays, new Dictionary<string, string> { [ControllerState.MetadataKey] = JsonSerializer.Serialize(state, Json) });
    }

    /// <summary>
    /// The controller a <see cref="SaveState"/> describes, continuing bitwise where it stopped. The space and the
    /// network sizes must be those it was saved with; other options (learning rate, say) may change on resume. The
    /// head layout is the saved one, whatever <paramref name="options"/> say, so that a campaign begun under another
    /// default resumes as it began; a state that names none was saved per kind.
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

        var controller = new RlController(space, options with { HeadSharing = state.HeadSharing ?? HeadSharing.PerKind }, initialize: false);
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

        rng = Xoshiro256StarStar.FromState(state.Rng);
        var current = PolicySampler.From(network, Options.HiddenSize);
        PolicySampler SamplerOf(long version, string prefix) => version == PolicyVersion ? current : SavedSampler(arrays, prefix);
        SamplingVersion = state.SamplingVersion ?? PolicyVersion;
        CheckSchedule(state, SamplingVersion);
        sampler = SamplerOf(SamplingVersion, SamplingPrefix);
        proposals = state.Proposals;
        foreach (var saved in state.Switches)
        {
            switches.Add(new PolicySwitch(saved.Version, saved.At) { Sampler = SamplerOf(saved.Version, PolicyPrefix(saved.Version)) });
        }

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

    /// <summary>Pending policies come in version order, after the sampling one, up to the learned one.</summary>
    private static void CheckSchedule(ControllerState state, long samplingVersion)
    {
        var versions = state.Switches.Select(s => s.Version).Prepend(samplingVersion).ToArray();
        var ordered = versions.Zip(versions.Skip(1), (a, b) => b == a + 1).All(next => next);
        if (state.Proposals < 0 || !ordered || versions[^1] != state.PolicyVersion ||
            state.Switches.Zip(state.Switches.Skip(1), (a, b) => a.At <= b.At).Any(inOrder => !inOrder))
        {
            throw new InvalidDataException(
                $"the controller state's policy schedule is inconsistent: sampling version {samplingVersion}, policy version {state.PolicyVersion}, " +
                $"pending [{string.Join(", ", state.Switches.Select(s => $"{s.Version}@{s.At}"))}], proposals {state.Proposals}");
        }
    }

    private static string PolicyPrefix(long version) => $"policy{version}.";

    /// <summary>A policy saved beside the weights (one that samples are still, or will be, drawn from).</summary>
    private PolicySampler SavedSampler(IReadOnlyDictionary<string, NamedArray> arrays, string prefix)
    {
        var weights = network.named_parameters().Select(p =>
        {
            if (!arrays.TryGetValue(prefix + p.Name, out var saved) || !saved.Shape.SequenceEqual(p.Parameter.shape))
            {
                throw new InvalidDataException($"the controller state lacks '{prefix + p.Name}' of shape [{string.Join(", ", p.Parameter.shape)}]");
            }

            return saved with { Name = p.Name };
        }).ToArray();
        return PolicySampler.From(layout, weights, Options.HiddenSize);
    }
}
