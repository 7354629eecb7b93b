namespace Mnas.Api.Children;

/// <summary>
/// What a child's network needs in memory at inference (batch 1, float32), of its target view: its parameter bytes, the
/// peak of its live activation bytes by lifetime analysis, their sum (MemNAS's objective), the step at which the peak is
/// first reached and the operator running then, and the live bytes at every execution step (the lifetime chart).
/// </summary>
public sealed record ChildMemoryResponse(
    long Sequence,
    string Architecture,
    long ParamBytes,
    long PeakActivationBytes,
    long TotalBytes,
    int PeakStep,
    string PeakNode,
    IReadOnlyList<LiveBytesStep> Steps);
