using System.Text.Json;

namespace Mnas.Workers.Datasets;

/// <summary>
/// <c>manifest.json</c> beside a cached data set: where it came from, what it holds and the SHA-256 of each file.
/// It informs; what decides whether a cache is sound are the SHA-256 pinned in <see cref="DatasetCatalog"/>.
/// </summary>
public sealed record CacheManifest(
    string Name,
    string Source,
    int Count,
    int Channels,
    int Height,
    int Width,
    int Classes,
    int? TestStart,
    int SkippedEmptyRecords,
    IReadOnlyDictionary<string, string> Sha256,
    DateTimeOffset CreatedUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static CacheManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CacheManifest>(DatasetFile.ReadAllBytes(path), Json)
                ?? throw DatasetException.InFile(path, "holds null instead of a manifest");
        }
        catch (JsonException e)
        {
            throw DatasetException.InFile(path, $"is not a valid manifest: {e.Message}", e);
        }
    }

    public void Write(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(file, this, Json);
        file.Flush(flushToDisk: true);
    }
}
