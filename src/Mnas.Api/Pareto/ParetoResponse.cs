namespace Mnas.Api.Pareto;

/// <summary>A campaign's done children and its front over <see cref="Objectives"/>; the reward's latency target when its spec can be read.</summary>
public sealed record ParetoResponse(IReadOnlyList<string> Objectives, double? TargetLatencyMs, IReadOnlyList<ParetoPointItem> Points);
