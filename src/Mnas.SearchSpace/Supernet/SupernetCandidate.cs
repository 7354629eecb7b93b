using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// One candidate block of a searchable layer, by name: <c>k{kernel}_e{expansion}</c> — MobileNetV2's inverted residual
/// (1×1 expansion, k×k depthwise, 1×1 projection, identity shortcut where shapes allow) —, <c>k{kernel}_e{expansion}_g{groups}</c>,
/// the same with both 1×1 convolutions grouped and the channels shuffled between them (FBNet's grouped candidates), or
/// <c>skip</c>, the layer left out (offered only where the layer's input and output shapes match).
/// </summary>
public sealed partial record SupernetCandidate(string Name, int Kernel, int Expansion, int Groups = 1)
{
    public const string SkipName = "skip";

    /// <summary>FBNet's nine candidates: kernels 3 and 5, expansions 1, 3 and 6, the expansion-1 ones also with two groups, and skip.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", SkipName];

    public bool IsSkip => Name == SkipName;

    /// <summary>The candidate a name gives; an unknown name is refused with the forms it may take.</summary>
    public static SupernetCandidate Parse(string name)
    {
        if (Problem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
        if (name == SkipName)
        {
            return new SupernetCandidate(name, 0, 0);
        }
        var match = Form().Match(name);
        var groups = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 1;
        return new SupernetCandidate(name, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), groups);
    }

    /// <summary>What is wrong with a candidate name, or null when it names a candidate.</summary>
    public static string? Problem(string? name)
    {
        if (name == SkipName)
        {
            return null;
        }
        var match = Form().Match(name ?? "");
        if (!match.Success)
        {
            return $"candidate '{Escaped(name)}' is none of k<kernel>_e<expansion> (like k3_e6), k<kernel>_e<expansion>_g<groups> (like k3_e1_g2) or {SkipName}";
        }
        var kernel = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var expansion = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (kernel % 2 == 0 || kernel > 11 || expansion < 1)
        {
            return $"candidate '{name}': the kernel must be odd and at most 11, the expansion at least 1";
        }
        if (match.Groups[3].Success && int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) < 2)
        {
            return $"candidate '{name}': a grouped candidate has at least 2 groups (leave _g out for none)";
        }
        return null;
    }

    private static string Escaped(string? text) =>
        string.Concat((text ?? "").Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    [GeneratedRegex(@"^k([0-9]{1,2})_e([0-9]{1,2})(?:_g([0-9]{1,2}))?\z")]
    private static partial Regex Form();
}
