using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnas.Workers.Supernet;

/// <summary>
/// One candidate block of a searchable layer, by name: <c>k{kernel}_e{expansion}</c> — MobileNetV2's inverted residual
/// (1×1 expansion, k×k depthwise, 1×1 projection, identity shortcut where shapes allow) — or <c>skip</c>, the layer left
/// out (offered only where the layer's input and output shapes match).
/// </summary>
public sealed partial record SupernetCandidate(string Name, int Kernel, int Expansion)
{
    public const string SkipName = "skip";

    /// <summary>FBNet's candidates without the grouped ones: kernels 3 and 5, expansions 1, 3 and 6, and skip.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["k3_e1", "k3_e3", "k3_e6", "k5_e1", "k5_e3", "k5_e6", SkipName];

    public bool IsSkip => Name == SkipName;

    /// <summary>The candidate a name gives; an unknown name is refused with the forms it may take.</summary>
    public static SupernetCandidate Parse(string name)
    {
        if (name == SkipName)
        {
            return new SupernetCandidate(name, 0, 0);
        }
        var match = Form().Match(name);
        if (!match.Success)
        {
            throw new ArgumentException($"candidate '{name}' is neither k<kernel>_e<expansion> (like k3_e6) nor {SkipName}", nameof(name));
        }
        var kernel = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var expansion = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (kernel % 2 == 0 || expansion < 1)
        {
            throw new ArgumentException($"candidate '{name}': the kernel must be odd and the expansion at least 1", nameof(name));
        }
        return new SupernetCandidate(name, kernel, expansion);
    }

    [GeneratedRegex(@"^k([1-9][0-9]?)_e([1-9][0-9]?)$")]
    private static partial Regex Form();
}
