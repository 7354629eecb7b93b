using System.Text.Json.Serialization;

namespace Mnas.Workers.Supernet;

/// <summary>The scalar part of a saved DNAS search, kept as JSON metadata beside its tensors.</summary>
internal sealed record DnasState(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("space")] string Space,
    [property: JsonPropertyName("epochs_done")] int EpochsDone,
    [property: JsonPropertyName("schedule_step")] long ScheduleStep,
    [property: JsonPropertyName("schedule_length")] long ScheduleLength,
    [property: JsonPropertyName("theta_steps")] long ThetaSteps)
{
    public const string MetadataKey = "mnas.dnas";
    public const int CurrentFormat = 1;
}
