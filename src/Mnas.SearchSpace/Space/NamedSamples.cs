using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Space;

/// <summary>
/// Samples a spec may name instead of spelling every decision: <c>mobilenet_v2</c> (MobileNetV2 on the skeleton: mbconv1
/// in the first block and mbconv6 in the others, kernel 3, no squeeze-and-excitation, identity skip, width 1, the
/// skeleton's layers — the space must offer each of those choices), <c>smallest</c> (every block at its cheapest
/// choices: the first of dwconv, mbconv1, mbconv3, mbconv6, conv the space offers, the smallest kernel, SE ratio and
/// width, skip none when offered, else the first skip, and the lowest layer delta) or a sample's canonical string.
/// </summary>
public static class NamedSamples
{
    public const string MobileNetV2 = "mobilenet_v2";
    public const string Smallest = "smallest";

    private static readonly string[] CheapestOps = ["dwconv", "mbconv1", "mbconv3", "mbconv6", "conv"];

    /// <summary>The sample <paramref name="name"/> stands for in <paramref name="space"/>; throws an <see cref="ArgumentException"/> saying why there is none.</summary>
    public static Sample Resolve(ModelSpace space, string name)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name switch
        {
            MobileNetV2 => MobileNetV2Of(space),
            Smallest => SmallestOf(space),
            _ => ParseOrExplain(space, name),
        };
    }

    /// <summary>Why <paramref name="name"/> names no sample of <paramref name="space"/>, or null when it does.</summary>
    public static string? Problem(ModelSpace space, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"must be {MobileNetV2}, {Smallest} or a sample of the space (got an empty name)";
        }
        try
        {
            Resolve(space, name);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static Sample ParseOrExplain(ModelSpace space, string text)
    {
        if (!text.Contains('=') || text.Any(c => char.IsSurrogate(c) || (char.IsControl(c) && !char.IsWhiteSpace(c))))
        {
            // A mistyped name, not a sample: say so instead of listing every decision it lacks (and never repeat a
            // control character the parser's message would carry).
            throw new ArgumentException($"must be {MobileNetV2}, {Smallest} or a sample of the space (got {Validation.QuotedText.Of(text)})");
        }

        try
        {
            return space.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"must be {MobileNetV2}, {Smallest} or a sample of the space ({e.Message})");
        }
    }

    private static Sample MobileNetV2Of(ModelSpace space)
    {
        var wanted = new Dictionary<DecisionKind, string>
        {
            [DecisionKind.Kernel] = "3",
            [DecisionKind.Se] = "0.0",
            [DecisionKind.Skip] = "identity",
            [DecisionKind.Width] = "1.0",
            [DecisionKind.Layers] = "0",
        };
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var choices = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var decision in space.Decisions)
        {
            var value = decision.Kind == DecisionKind.Op ? (decision.Block == 1 ? "mbconv1" : "mbconv6") : wanted[decision.Kind];
            var index = decision.IndexOf(value);
            if (index < 0)
            {
                missing.Add($"{KindName(decision.Kind)} {value}");
            }
            choices[decision.Name] = index;
        }
        return missing.Count > 0
            ? throw new ArgumentException($"{MobileNetV2} needs the space to offer {string.Join(", ", missing)}")
            : space.Create(choices);
    }

    private static Sample SmallestOf(ModelSpace space)
    {
        var choices = new Dictionary<string, int>(StringComparer.Ordinal);
        var spec = space.Spec.SearchSpace;
        foreach (var decision in space.Decisions)
        {
            choices[decision.Name] = decision.Kind switch
            {
                DecisionKind.Op => CheapestOps.Select(decision.IndexOf).First(i => i >= 0),
                DecisionKind.Kernel => IndexOfMin(spec.Kernels.Select(k => (double)k).ToList()),
                DecisionKind.Se => IndexOfMin(spec.SeRatios),
                DecisionKind.Skip => Math.Max(0, decision.IndexOf("none")),
                DecisionKind.Width => IndexOfMin(spec.Widths),
                DecisionKind.Layers => IndexOfMin(spec.LayerDeltas.Select(d => (double)d).ToList()),
                _ => throw new InvalidOperationException($"unknown decision kind {decision.Kind}"),
            };
        }
        return space.Create(choices);
    }

    private static int IndexOfMin(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static string KindName(DecisionKind kind) => kind switch
    {
        DecisionKind.Op => "op",
        DecisionKind.Kernel => "kernel",
        DecisionKind.Se => "se",
        DecisionKind.Skip => "skip",
        DecisionKind.Width => "width",
        _ => "layer delta",
    };
}
