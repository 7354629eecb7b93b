using System.ComponentModel;

namespace Mnas.SearchSpace.Architectures;

/// <summary>
/// One block of identical layers. Only the first layer uses <see cref="Stride"/>; the rest have
/// stride 1 and <see cref="Channels"/> in and out. <see cref="Expansion"/> is 1 for Conv and
/// DepthwiseConv. <see cref="SeRatio"/> sizes squeeze-and-excitation relative to the layer's
/// input channels (0 = none).
/// </summary>
/// <param name="Groups">
/// FBNet's grouped inverted residual (MBConv only; 1 for Conv and DepthwiseConv): with more than one group both 1×1
/// convolutions (the expansion, kept even at expansion 1, and the projection) are group convolutions and the
/// channels are shuffled after the expansion (ShuffleNet's shuffle). It must divide every layer's input and output
/// channels; an architecture where it does not is invalid (<see cref="ArchitectureValidator"/>), never silently
/// ungrouped. Left out of architecture files when 1, so files and names of ungrouped architectures are as before.
/// </param>
public sealed record BlockSpec(
    ConvOp Op,
    int Expansion,
    int Kernel,
    double SeRatio,
    SkipOp Skip,
    int Channels,
    int Layers,
    int Stride,
    [property: DefaultValue(1)] int Groups = 1);
