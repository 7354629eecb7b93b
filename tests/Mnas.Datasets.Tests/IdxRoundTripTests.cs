using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class IdxRoundTripTests
{
    [Fact]
    public void images_and_labels_written_as_idx_read_back_identical()
    {
        using var directory = new TempDirectory();
        var pixels = Enumerable.Range(0, 3 * 2 * 5).Select(i => (byte)(i * 9)).ToArray();
        byte[] labels = [2, 0, 1];
        IdxWriter.WriteImages(directory.File("images.idx"), pixels, 3, 2, 5);
        IdxWriter.WriteLabels(directory.File("labels.idx"), labels);

        var images = IdxReader.ReadImages(directory.File("images.idx"));
        Assert.Equal((3, 2, 5), (images.Count, images.Height, images.Width));
        Assert.Equal(pixels, images.Pixels);
        Assert.Equal(labels, IdxReader.ReadLabels(directory.File("labels.idx")));

        var dataset = IdxReader.ReadDataset(directory.File("images.idx"), directory.File("labels.idx"), "round-trip", classes: 3,
            allowsHorizontalFlip: false);
        Assert.Equal((3, 1, 2, 5, 3), (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.Classes));
        Assert.Equal(pixels[10..20], dataset.Image(1).ToArray());
        Assert.Equal(1, dataset.Label(2));
    }

    [Fact]
    public void the_writer_lays_out_the_mnist_header_magic_then_big_endian_dimensions()
    {
        using var stream = new MemoryStream();
        IdxWriter.WriteImages(stream, new byte[258 * 1 * 2], 258, 1, 2);
        Assert.Equal(new byte[] { 0, 0, 0x08, 3, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0, 2 }, stream.ToArray()[..16]);
        Assert.Equal(16 + 516, stream.Length);

        using var labels = new MemoryStream();
        IdxWriter.WriteLabels(labels, [7, 9]);
        Assert.Equal(new byte[] { 0, 0, 0x08, 1, 0, 0, 0, 2, 7, 9 }, labels.ToArray());
    }
}
