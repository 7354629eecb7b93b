using System.Text.RegularExpressions;

namespace Mnas.Api.Tests.Management;

/// <summary>
/// Reads text in the exposition format strictly, as a scraper would: every sample line must parse, and every family
/// must have one HELP and one TYPE line (in either order) before its samples. Returns each sample as (name, labels, value).
/// </summary>
internal static partial class ExpositionFormat
{
    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> Parse(string text)
    {
        var help = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<(string, IReadOnlyDictionary<string, string>, double)>();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0))
        {
            if (HelpLine().Match(line) is { Success: true } h)
            {
                Assert.True(help.Add(h.Groups[1].Value), $"a second HELP for {h.Groups[1].Value}");
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } t)
            {
                Assert.True(types.TryAdd(t.Groups[1].Value, t.Groups[2].Value), $"a second TYPE for {t.Groups[1].Value}");
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a sample line: '{line}'");
            var name = sample.Groups["name"].Value;
            var family = types.Keys.FirstOrDefault(f => name == f || (types[f] == "histogram" && name is var n && (n == f + "_bucket" || n == f + "_sum" || n == f + "_count")));
            Assert.True(family != null, $"a sample of no declared family: '{line}'");
            Assert.True(help.Contains(family), $"a sample before the HELP of its family: '{line}'");
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => Unescape(m.Groups[2].Value), StringComparer.Ordinal);
            samples.Add((name, labels, Value(sample.Groups["value"].Value)));
        }

        return samples;
    }

    private static double Value(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Unescape(string value) => Regex.Replace(value, @"\\(.)", m => m.Groups[1].Value == "n" ? "\n" : m.Groups[1].Value);

    [GeneratedRegex(@"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{(([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\\n]|\\[\\""n])*"",)*([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\\n]|\\[\\""n])*""))?\})? (?<value>NaN|[+-]Inf|-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
