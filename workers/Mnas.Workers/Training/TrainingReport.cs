namespace Mnas.Workers.Training;

/// <summary>What training a child gave: its validation top-1 and how it got there, or why it stopped.</summary>
public sealed record TrainingReport(
    ChildStatus Status,
    string? FailureReason,
    double ValidationTop1,
    IReadOnlyList<EpochReport> Epochs,
    TimeSpan Wall,
    double ImagesPerSecond);
