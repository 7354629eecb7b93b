using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mnas.Host.Configuration;

/// <summary>
/// Typed reads from the merged configuration, collecting every problem under the setting's dotted name
/// (<c>cluster.silo_port: must be a whole number (got 'abc')</c>) instead of stopping at the first.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> problems = [];

    public IReadOnlyList<string> Problems => problems;

    public string Text(string key, string fallback) => Raw(key) ?? fallback;

    public string? OptionalText(string key) => Raw(key);

    public int Int(string key, int fallback) => Whole(key, fallback);

    public long Long(string key, long fallback) => Whole(key, fallback);

    private T Whole<T>(string key, T fallback) where T : System.Numerics.IBinaryInteger<T>
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return fallback;
        }

        if (T.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{key}: must be a whole number (got '{raw}')");
        return fallback;
    }

    public double Number(string key, double fallback)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return fallback;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        problems.Add($"{key}: must be a number (got '{raw}')");
        return fallback;
    }

    public TimeSpan Seconds(string key, TimeSpan fallback)
    {
        var seconds = Number(key, fallback.TotalSeconds);
        if (seconds is <= 0 or > 366 * 24 * 3600)
        {
            problems.Add($"{key}: must be a positive number of seconds, at most a year (got {seconds.ToString(CultureInfo.InvariantCulture)})");
            return fallback;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    public bool Flag(string key, bool fallback)
    {
        var raw = Raw(key);
        if (raw is null)
        {
            return fallback;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        problems.Add($"{key}: must be true or false (got '{raw}')");
        return fallback;
    }

    /// <summary>A list: a JSON array, or one comma-separated value (from the environment or the command line).</summary>
    public IReadOnlyList<string> List(string key)
    {
        var section = configuration.GetSection(Path(key));
        var items = section.GetChildren().Where(c => c.Value != null).Select(c => c.Value!.Trim()).ToList();
        if (items.Count == 0 && section.Value is { } single)
        {
            items = single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        return items;
    }

    /// <summary>Adds problems found by a component's own validation, under its section.</summary>
    public void AddProblems(string prefix, IEnumerable<string> found) => problems.AddRange(found.Select(p => prefix + p));

    public void AddProblem(string problem) => problems.Add(problem);

    private string? Raw(string key)
    {
        var value = configuration[Path(key)];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string Path(string key) => key.Replace('.', ':');
}
