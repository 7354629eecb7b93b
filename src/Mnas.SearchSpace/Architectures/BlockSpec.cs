namespace Mnas.SearchSpace.Architectures;

/// <summary>
/// One block of identical layers. Only the first layer uses <see cref="Stride"/>; the rest have
/// stride 1 and <see cref="Channels"/> in and out. <see cref="Expansion"/> is 1 for Conv and
/// DepthwiseConv. <see cref="SeRatio"/> sizes squeeze-and-excitation relative to the layer's
/// input channels (0 = none).
/// </summary>
public sealed record BlockSpec(ConvOp Op, int Expansion, int Kernel, double SeRatio, SkipOp Skip, int Channels, int Layers, int Stride);
