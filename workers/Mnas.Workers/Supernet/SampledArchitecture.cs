using Mnas.SearchSpace.Architectures;

namespace Mnas.Workers.Supernet;

/// <summary>An architecture drawn from P_θ: its choice per position, the target's network, and the latency the table gives it (ms).</summary>
public sealed record SampledArchitecture(SupernetChoice Choice, Architecture Architecture, double LookupLatencyMs);
