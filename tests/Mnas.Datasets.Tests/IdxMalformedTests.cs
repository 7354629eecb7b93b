using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class IdxMalformedTests
{
    private static readonly byte[] GoodImages = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, .. new byte[12]];
    private static readonly byte[] GoodLabels = [0, 0, 8, 1, 0, 0, 0, 2, 1, 0];

    public static TheoryData<string, byte[], string> MalformedImages => new()
    {
        { "bad magic", [0x1F, 0x8B, 8, 3, .. GoodImages[4..]], "is not an IDX file: it starts with 1F8B0803, and IDX files start with 0000 then the type and rank" },
        { "float data", [0, 0, 0x0D, 3, .. GoodImages[4..]], "holds IDX data type 0x0D; only 0x08 (unsigned byte) is supported" },
        { "labels given as images", GoodLabels, "has rank 1; images (N×H×W) need rank 3" },
        { "shorter than the magic", [0, 0, 8], "is truncated: 3 bytes cannot hold the 4-byte IDX magic" },
        { "header cut short", GoodImages[..10], "is truncated: 10 bytes cannot hold the header of a rank-3 IDX file (16 bytes)" },
        { "data cut short", GoodImages[..^1], "is truncated: its dimensions 2×2×3 need 12 data bytes but it holds 11" },
        { "data beyond the dimensions", [.. GoodImages, 5, 5], "does not match its dimensions: 2×2×3 need 12 data bytes but it holds 14 (2 extra)" },
        { "a zero dimension", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3], "declares dimension 1 as 0, which is not a usable size" },
        { "a dimension past 2^31", [0, 0, 8, 3, 0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1], "declares dimension 0 as 2147483648, which is not a usable size" },
    };

    [Theory]
    [MemberData(nameof(MalformedImages))]
    public void a_malformed_image_file_throws_naming_the_file_and_the_fault(string _, byte[] content, string fault)
    {
        using var directory = new TempDirectory();
        var path = directory.File("images.idx");
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));
        Assert.Equal($"{path}: {fault}", error.Message);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void an_image_file_given_as_labels_is_refused_for_its_rank()
    {
        using var directory = new TempDirectory();
        var path = directory.File("labels.idx");
        File.WriteAllBytes(path, GoodImages);
        var error = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(path));
        Assert.Equal($"{path}: has rank 3; labels (N) need rank 1", error.Message);
    }

    [Fact]
    public void a_missing_file_throws_naming_it()
    {
        using var directory = new TempDirectory();
        var path = directory.File("nowhere.idx");
        var error = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));
        Assert.Equal($"{path}: does not exist", error.Message);
    }

    [Fact]
    public void fewer_labels_than_images_throws_naming_both_files()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("images.idx"), GoodImages);
        File.WriteAllBytes(directory.File("labels.idx"), [0, 0, 8, 1, 0, 0, 0, 1, 0]);
        var error = Assert.Throws<DatasetException>(() =>
            IdxReader.ReadDataset(directory.File("images.idx"), directory.File("labels.idx"), "x", 10, false));
        Assert.Equal($"{directory.File("labels.idx")}: holds 1 labels but {directory.File("images.idx")} holds 2 images", error.Message);
    }

    [Fact]
    public void a_label_at_or_above_the_class_count_throws_naming_the_label_and_image()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("images.idx"), GoodImages);
        File.WriteAllBytes(directory.File("labels.idx"), [0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
        var error = Assert.Throws<DatasetException>(() =>
            IdxReader.ReadDataset(directory.File("images.idx"), directory.File("labels.idx"), "x", classes: 2, false));
        Assert.Equal($"{directory.File("labels.idx")}: label 2 of image 1 is not below the 2 classes", error.Message);
    }
}
