using System.Security.Cryptography;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class DatasetCacheTests
{
    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Two 2×2 images labelled 1 and 0, written as a cache, with a spec pinning their SHA-256.</summary>
    private static DatasetSpec WriteTinyCache(string cacheDirectory)
    {
        var directory = Path.Combine(cacheDirectory, "tiny");
        Directory.CreateDirectory(directory);
        IdxWriter.WriteImages(Path.Combine(directory, DatasetCache.ImagesFile), [1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2);
        IdxWriter.WriteLabels(Path.Combine(directory, DatasetCache.LabelsFile), [1, 0]);
        return new DatasetSpec("tiny", "tiny", "1.0.0", DatasetSource.ClothesJson, 2, 2, 2, 2, true, 1,
            Sha256(File.ReadAllBytes(Path.Combine(directory, DatasetCache.ImagesFile))),
            Sha256(File.ReadAllBytes(Path.Combine(directory, DatasetCache.LabelsFile))));
    }

    [Fact]
    public void a_missing_cache_says_to_run_the_fetch_command()
    {
        using var cache = new TempDirectory();
        var error = Assert.Throws<DatasetException>(() => DatasetCache.Load("fashion-mnist", cache.Path));
        Assert.Contains("mnas datasets fetch fashion-mnist", error.Message);
        Assert.Equal(cache.File("fashion-mnist", "images.idx"), error.FilePath);
        Assert.Equal(
            $"fashion-mnist is not in the cache ({cache.File("fashion-mnist", "images.idx")} is missing); run `mnas datasets fetch fashion-mnist` to download it",
            error.Message);
        Assert.Equal(CacheStatus.Missing, DatasetCache.Check(DatasetCatalog.FashionMnist, cache.Path));
    }

    [Fact]
    public void a_cache_file_that_differs_from_its_pin_is_reported_corrupt_with_the_fetch_command()
    {
        using var cache = new TempDirectory();
        Directory.CreateDirectory(cache.File("fashion-mnist"));
        IdxWriter.WriteImages(cache.File("fashion-mnist", "images.idx"), new byte[784], 1, 28, 28);
        IdxWriter.WriteLabels(cache.File("fashion-mnist", "labels.idx"), [3]);
        var error = Assert.Throws<DatasetException>(() => DatasetCache.Load("fashion-mnist", cache.Path));
        Assert.StartsWith($"{cache.File("fashion-mnist", "images.idx")}: is corrupt: its SHA-256 is ", error.Message);
        Assert.EndsWith(
            $", not the pinned {DatasetCatalog.FashionMnist.ImagesSha256}; run `mnas datasets fetch fashion-mnist` to fetch fashion-mnist again",
            error.Message);
        Assert.Equal(CacheStatus.Corrupt, DatasetCache.Check(DatasetCatalog.FashionMnist, cache.Path));
    }

    [Fact]
    public void a_cache_matching_its_pins_loads_and_one_flipped_byte_makes_it_corrupt()
    {
        using var cache = new TempDirectory();
        var spec = WriteTinyCache(cache.Path);
        Assert.Equal(CacheStatus.Valid, DatasetCache.Check(spec, cache.Path));
        var dataset = DatasetCache.Load(spec, cache.Path);
        Assert.Equal((2, 1, 2, 2, 2), (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.Classes));
        Assert.Equal([5, 6, 7, 8], dataset.Image(1).ToArray());
        Assert.Equal([1, 0], dataset.Labels.ToArray());
        Assert.Equal(1, dataset.TestStart);

        var labels = cache.File("tiny", DatasetCache.LabelsFile);
        var bytes = File.ReadAllBytes(labels);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(labels, bytes);

        Assert.Equal(CacheStatus.Corrupt, DatasetCache.Check(spec, cache.Path));
        var error = Assert.Throws<DatasetException>(() => DatasetCache.Load(spec, cache.Path));
        Assert.Contains($"{labels}: is corrupt", error.Message);
        Assert.Contains("run `mnas datasets fetch tiny`", error.Message);
        Assert.Equal(labels, error.FilePath);
    }

    [Fact]
    public void an_unknown_data_set_name_lists_the_known_ones()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetCache.Load("cifar100", "/nonexistent"));
        Assert.Equal("unknown data set 'cifar100'; Mnas can fetch: fashion-mnist, mnist", error.Message);
        Assert.Same(DatasetCatalog.Mnist, DatasetCatalog.Get("MNIST"));
    }
}
