using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.Workers.Latency;

/// <summary>
/// An FBNet-style latency lookup table for one device: the measured median latency of each
/// distinct operator configuration. A network's estimate is the sum over its operators.
/// </summary>
public sealed class LatencyTable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly SortedDictionary<string, double> entries;

    public LatencyTable(string device, int threads, IDictionary<string, double>? entries = null)
    {
        Device = device;
        Threads = threads;
        this.entries = new SortedDictionary<string, double>(entries ?? new Dictionary<string, double>(), StringComparer.Ordinal);
    }

    /// <summary>What the entries were measured on, e.g. <c>cpu AMD EPYC</c>.</summary>
    public string Device { get; }

    public int Threads { get; }

    public IReadOnlyDictionary<string, double> Entries => entries;

    public bool Contains(string key) => entries.ContainsKey(key);

    public void Set(string key, double milliseconds) => entries[key] = milliseconds;

    /// <summary>The sum of the operators' latencies; every operator must be in the table.</summary>
    public double Estimate(IEnumerable<string> operatorKeys)
    {
        double total = 0;
        foreach (var key in operatorKeys)
        {
            total += entries.TryGetValue(key, out var ms)
                ? ms
                : throw new KeyNotFoundException($"the latency table for {Device} has no entry for operator '{key}'");
        }
        return total;
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Stored(Device, Threads, entries), Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static LatencyTable Load(string path)
    {
        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a latency table ({e.Message})", e);
        }
        if (stored is null || string.IsNullOrEmpty(stored.Device) || stored.Threads < 1 || stored.Entries is null)
        {
            throw new InvalidDataException($"{path}: a latency table needs device, threads (≥ 1) and entries");
        }
        var bad = stored.Entries.FirstOrDefault(e => !(e.Value > 0) || !double.IsFinite(e.Value));
        if (bad.Key != null)
        {
            throw new InvalidDataException($"{path}: entries.{bad.Key}: latency must be a positive number of milliseconds (got {bad.Value})");
        }
        return new LatencyTable(stored.Device, stored.Threads, stored.Entries);
    }

    private sealed record Stored(
        [property: JsonPropertyName("device")] string Device,
        [property: JsonPropertyName("threads")] int Threads,
        [property: JsonPropertyName("entries")] IDictionary<string, double> Entries);
}
