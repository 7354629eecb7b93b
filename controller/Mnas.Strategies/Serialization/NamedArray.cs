namespace Mnas.Strategies.Serialization;

/// <summary>A float32 tensor's elements (row-major) and shape, detached from libtorch so it can be stored bitwise.</summary>
public sealed record NamedArray(string Name, long[] Shape, float[] Data);
