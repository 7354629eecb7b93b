namespace Mnas.Workers.Networks;

/// <summary>One inverted-residual block: channels in and out, depthwise kernel, expansion ratio, stride.</summary>
public sealed record MBConvSpec(int In, int Out, int Kernel, int Expansion, int Stride)
{
    public int Hidden => In * Expansion;

    public bool HasResidual => In == Out && Stride == 1;
}
