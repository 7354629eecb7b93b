namespace Mnas.Benchmarks;

/// <summary>
/// One attempt of one child as the campaign's silo saw it, in stopwatch timestamps of its process: assigned to its
/// worker (the call made, then answered), reported started, its result arriving.
/// </summary>
internal sealed record ChildRun(long Sequence, string WorkerId, long Sent, long Confirmed, long Started, long Evaluated);
