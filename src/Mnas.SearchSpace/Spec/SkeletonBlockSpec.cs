namespace Mnas.SearchSpace.Spec;

/// <summary>One skeleton block before any choice: base channels, base layer count, and its first layer's stride.</summary>
public sealed record SkeletonBlockSpec(int Channels, int Layers, int Stride);
