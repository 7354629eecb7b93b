namespace Mnas.SearchSpace.Architectures;

/// <summary>Channels × height × width of one input image.</summary>
public sealed record InputShape(int Channels, int Height, int Width)
{
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
