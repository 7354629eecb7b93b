using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.Spec;

/// <summary>The op choices a spec may list, and the <see cref="ConvOp"/> and expansion ratio each one means.</summary>
public static class OpNames
{
    private static readonly Dictionary<string, (ConvOp Op, int Expansion)> ByName = new(StringComparer.Ordinal)
    {
        ["conv"] = (ConvOp.Conv, 1),
        ["dwconv"] = (ConvOp.DepthwiseConv, 1),
        ["mbconv1"] = (ConvOp.MBConv, 1),
        ["mbconv3"] = (ConvOp.MBConv, 3),
        ["mbconv6"] = (ConvOp.MBConv, 6),
    };

    /// <summary>conv, dwconv, mbconv1, mbconv3, mbconv6: MnasNet's ConvOp choices.</summary>
    public static IReadOnlyList<string> Known { get; } = ["conv", "dwconv", "mbconv1", "mbconv3", "mbconv6"];

    public static bool TryParse(string? name, out ConvOp op, out int expansion)
    {
        if (name is not null && ByName.TryGetValue(name, out var found))
        {
            (op, expansion) = found;
            return true;
        }

        (op, expansion) = (default, 0);
        return false;
    }
}
