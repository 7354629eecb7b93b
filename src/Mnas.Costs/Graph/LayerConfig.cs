using System.Globalization;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Graph;

/// <summary>
/// Everything that decides what one block layer computes, and so its cost: the key of a latency
/// lookup table. Value equality; <see cref="Key"/> is the same configuration as a stable string.
/// <see cref="Expansion"/> is 1 for Conv and DepthwiseConv; <see cref="SeSqueeze"/> is the SE bottleneck
/// width (0 = no SE); <see cref="Shortcut"/> is the shortcut the layer really gets; <see cref="Groups"/> is the
/// groups of MBConv's two 1×1 convolutions (1 = dense; above 1 the expansion is there even at expansion 1 and the
/// channels are shuffled after it), and appears in the key only above 1, so the keys of ungrouped layers, and the
/// latency tables holding them, stay as they were.
/// </summary>
public sealed record LayerConfig(
    ConvOp Op,
    int Expansion,
    int Kernel,
    int SeSqueeze,
    LayerShortcut Shortcut,
    int InChannels,
    int OutChannels,
    int Stride,
    int InputHeight,
    int InputWidth,
    Activation Activation,
    int Groups = 1)
{
    /// <summary>For example <c>mbconv-e6-k3-se0-identity-24to24-s1-56x56-relu6</c>, or <c>mbconv-e1-g2-k3-…</c> with two groups.</summary>
    public string Key => string.Create(
        CultureInfo.InvariantCulture,
        $"{OpName(Op)}-e{Expansion}{(Groups == 1 ? "" : $"-g{Groups}")}-k{Kernel}-se{SeSqueeze}-{ShortcutName(Shortcut)}-{InChannels}to{OutChannels}-s{Stride}-{InputHeight}x{InputWidth}-{ActivationName(Activation)}");

    /// <summary>Width of the depthwise convolution: Cin · expansion.</summary>
    public int HiddenChannels => InChannels * Expansion;

    /// <summary>Whether the layer has a 1×1 expansion: MBConv above expansion 1, or grouped.</summary>
    public bool Expands => Op == ConvOp.MBConv && (Expansion != 1 || Groups != 1);

    public override string ToString() => Key;

    private static string OpName(ConvOp op) => op switch
    {
        ConvOp.Conv => "conv",
        ConvOp.DepthwiseConv => "dwconv",
        ConvOp.MBConv => "mbconv",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown ConvOp"),
    };

    private static string ShortcutName(LayerShortcut shortcut) => shortcut switch
    {
        LayerShortcut.None => "none",
        LayerShortcut.Identity => "identity",
        LayerShortcut.Pooled => "pooled",
        _ => throw new ArgumentOutOfRangeException(nameof(shortcut), shortcut, "unknown LayerShortcut"),
    };

    private static string ActivationName(Activation activation) => activation switch
    {
        Activation.ReLU => "relu",
        Activation.ReLU6 => "relu6",
        Activation.Hardswish => "hardswish",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown Activation"),
    };
}
