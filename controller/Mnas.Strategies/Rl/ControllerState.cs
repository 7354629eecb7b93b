using System.Text.Json.Serialization;

namespace Mnas.Strategies.Rl;

/// <summary>
/// The controller's scalar state, stored as JSON beside its tensors (weights and Adam moments) in a
/// <see cref="Serialization.TensorArchive"/>. Doubles round-trip exactly through System.Text.Json's shortest form.
/// </summary>
internal sealed record ControllerState
{
    public const int CurrentFormat = 1;
    public const string MetadataKey = "mnas.rl_controller";

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The space's <see cref="TokenLayout.Signature"/>.</summary>
    public string Space { get; init; } = "";

    /// <summary>The controller's head layout (absent in states saved while per kind was the only default: per kind).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<HeadSharing>))]
    public HeadSharing? HeadSharing { get; init; }

    public int HiddenSize { get; init; }

    public int EmbeddingSize { get; init; }

    public long PolicyVersion { get; init; }

    /// <summary>The version samples are drawn from (absent in states saved before policy lags: the policy version).</summary>
    public long? SamplingVersion { get; init; }

    /// <summary>Samples drawn so far.</summary>
    public long Proposals { get; init; }

    /// <summary>Policies made by updates and not yet sampled from, with the proposal count from which they are.</summary>
    public PolicySwitchRecord[] Switches { get; init; } = [];

    public long AdamSteps { get; init; }

    public double? Baseline { get; init; }

    /// <summary>The sampling generator's four words.</summary>
    public ulong[] Rng { get; init; } = [];

    /// <summary>Outcomes taken in and waiting for an update, in arrival order.</summary>
    public OutcomeRecord[] Buffer { get; init; } = [];

    /// <summary>Failed children left out since the last update (reported with the next one).</summary>
    public long[] Excluded { get; init; } = [];

    /// <summary>Every sequence number ever taken in, so a redelivered result is not counted twice.</summary>
    public long[] Absorbed { get; init; } = [];
}

/// <summary>A scheduled change of the sampling policy: to <paramref name="Version"/> from proposal count <paramref name="At"/> on.</summary>
internal sealed record PolicySwitchRecord(long Version, long At);
