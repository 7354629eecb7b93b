using System.Text.Json.Serialization;

namespace Mnas.Workers.Supernet;

/// <summary>The scalar part of a saved single-path supernet, kept as JSON metadata beside its tensors.</summary>
internal sealed record SposState(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("space")] string Space,
    [property: JsonPropertyName("training")] string Training,
    [property: JsonPropertyName("epochs_done")] int EpochsDone,
    [property: JsonPropertyName("schedule_step")] long ScheduleStep,
    [property: JsonPropertyName("schedule_length")] long ScheduleLength)
{
    public const string MetadataKey = "mnas.spos";
    public const int CurrentFormat = 1;
}
