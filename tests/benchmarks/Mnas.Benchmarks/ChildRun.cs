namespace Mnas.Benchmarks;

/// <summary>
/// One attempt of one child as the coordinator saw it, in stopwatch timestamps of the coordinator's process: handed to
/// the bus for its worker, confirmed by the broker, reported started, reported evaluated.
/// </summary>
internal sealed record ChildRun(long Sequence, string WorkerId, long Sent, long Confirmed, long Started, long Evaluated);
