using System.Globalization;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Graph;

/// <summary>Rejects an architecture whose sizes cannot be costed, naming the offending setting.</summary>
internal static class ArchitectureChecks
{
    public static void ThrowIfInvalid(Architecture architecture)
    {
        Positive(architecture.Input.Channels, "Input.Channels");
        Positive(architecture.Input.Height, "Input.Height");
        Positive(architecture.Input.Width, "Input.Width");
        Positive(architecture.Classes, "Classes");
        Positive(architecture.StemChannels, "StemChannels");
        Positive(architecture.StemStride, "StemStride");
        Positive(architecture.HeadChannels, "HeadChannels");
        var inChannels = architecture.StemChannels;
        for (var b = 0; b < architecture.Blocks.Count; b++)
        {
            var block = architecture.Blocks[b];
            Positive(block.Channels, $"Blocks[{b}].Channels");
            Positive(block.Stride, $"Blocks[{b}].Stride");
            Positive(block.Kernel, $"Blocks[{b}].Kernel");
            Positive(block.Expansion, $"Blocks[{b}].Expansion");
            if (block.Layers < 0)
            {
                throw new ArgumentException($"Blocks[{b}].Layers must not be negative, got {block.Layers}", nameof(architecture));
            }
            if (!double.IsFinite(block.SeRatio) || block.SeRatio < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Blocks[{b}].SeRatio must be finite and not negative, got {block.SeRatio}"), nameof(architecture));
            }
            Positive(block.Groups, $"Blocks[{b}].Groups");
            if (block.Groups > 1 && block.Op != ConvOp.MBConv)
            {
                throw new ArgumentException($"Blocks[{b}].Groups must be 1 for {block.Op}, got {block.Groups}: only MBConv's 1×1 convolutions are grouped", nameof(architecture));
            }
            if (block.Layers == 0)
            {
                continue;
            }
            if (inChannels % block.Groups != 0 || block.Channels % block.Groups != 0)
            {
                throw new ArgumentException(
                    $"Blocks[{b}].Groups must divide the layers' input and output channels ({inChannels} in, {block.Channels} out), got {block.Groups}", nameof(architecture));
            }
            inChannels = block.Channels;
        }
    }

    private static void Positive(int value, string setting)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{setting} must be at least 1, got {value}", "architecture");
        }
    }
}
