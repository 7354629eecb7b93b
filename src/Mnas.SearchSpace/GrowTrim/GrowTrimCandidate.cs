using Mnas.SearchSpace.Space;

namespace Mnas.SearchSpace.GrowTrim;

/// <summary>A candidate of a MemNAS round: the base network changed by one <see cref="Operation"/>, as a sample of the space.</summary>
public sealed record GrowTrimCandidate(GrowTrimOperation Operation, Sample Sample);
