using System.Globalization;

namespace Mnas.Costs.Graph;

/// <summary>Channels × height × width of one activation, for a batch of one.</summary>
public readonly record struct TensorShape(int Channels, int Height, int Width)
{
    /// <summary>Every activation and parameter is float32.</summary>
    public const int ElementBytes = 4;

    public long Elements => (long)Channels * Height * Width;

    public long Bytes => Elements * ElementBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channels}x{Height}x{Width}");
}
