using Mnas.SearchSpace.Architectures;

namespace Mnas.Workers.Supernet;

/// <summary>
/// An architecture drawn from P_θ: its choice per position, the target's network (with a resolution search, on the
/// target's input down-sampled by its factor), and the latency the table gives it (ms).
/// </summary>
public sealed record SampledArchitecture(SupernetChoice Choice, Architecture Architecture, double LookupLatencyMs);
