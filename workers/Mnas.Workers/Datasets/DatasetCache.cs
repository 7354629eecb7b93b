namespace Mnas.Workers.Datasets;

/// <summary>
/// Loads fetched data sets from the cache: <c>&lt;cache&gt;/&lt;name&gt;/images.idx</c>, <c>labels.idx</c> and
/// <c>manifest.json</c>. Each file's SHA-256 is checked against its pin before it is used; a missing or corrupt cache
/// throws a <see cref="DatasetException"/> that names the command that repairs it (<c>mnas datasets fetch &lt;name&gt;</c>).
/// </summary>
public static class DatasetCache
{
    public const string ImagesFile = "images.idx";
    public const string LabelsFile = "labels.idx";
    public const string ManifestFile = "manifest.json";

    public static string DatasetDirectory(DatasetSpec spec, string cacheDirectory) => Path.Combine(cacheDirectory, spec.Name);

    /// <summary>A catalogued data set, from <paramref name="cacheDirectory"/> or else <see cref="DatasetCacheDirectory.Default"/>.</summary>
    public static ImageDataset Load(string name, string? cacheDirectory = null) =>
        Load(DatasetCatalog.Get(name), cacheDirectory ?? DatasetCacheDirectory.Default());

    public static ImageDataset Load(DatasetSpec spec, string cacheDirectory)
    {
        var directory = DatasetDirectory(spec, cacheDirectory);
        var imagesPath = Path.Combine(directory, ImagesFile);
        var labelsPath = Path.Combine(directory, LabelsFile);
        var images = IdxReader.ParseImages(ReadVerified(spec, imagesPath, spec.ImagesSha256), imagesPath);
        var labels = IdxReader.ParseLabels(ReadVerified(spec, labelsPath, spec.LabelsSha256), labelsPath);
        return IdxReader.Combine(images, imagesPath, labels, labelsPath, spec.Name, spec.Classes, spec.AllowsHorizontalFlip, spec.TestStart);
    }

    /// <summary>Whether the cache of <paramref name="spec"/> is there and matches its pins, without loading it.</summary>
    public static CacheStatus Check(DatasetSpec spec, string cacheDirectory)
    {
        var directory = DatasetDirectory(spec, cacheDirectory);
        var status = CacheStatus.Valid;
        foreach (var (file, pin) in new[] { (ImagesFile, spec.ImagesSha256), (LabelsFile, spec.LabelsSha256) })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                return CacheStatus.Missing;
            }
            if (FileHash.Sha256(path) != pin)
            {
                status = CacheStatus.Corrupt;
            }
        }
        return status;
    }

    private static byte[] ReadVerified(DatasetSpec spec, string path, string pin)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(
                $"{spec.Name} is not in the cache ({path} is missing); run `{spec.FetchCommand}` to download it", path);
        }
        var bytes = DatasetFile.ReadAllBytes(path);
        var actual = FileHash.Sha256(bytes);
        if (actual != pin)
        {
            throw DatasetException.InFile(path,
                $"is corrupt: its SHA-256 is {actual}, not the pinned {pin}; run `{spec.FetchCommand}` to fetch {spec.Name} again");
        }
        return bytes;
    }
}
