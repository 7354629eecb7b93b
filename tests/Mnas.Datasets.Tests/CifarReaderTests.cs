using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class CifarReaderTests
{
    /// <summary>A record with the label, then channel c of pixel (y, x) = (c * 50 + y + x) % 256.</summary>
    private static byte[] Record(byte label)
    {
        var record = new byte[CifarReader.RecordSize];
        record[0] = label;
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < 32; y++)
            {
                for (var x = 0; x < 32; x++)
                {
                    record[1 + c * 1024 + y * 32 + x] = (byte)((c * 50 + y + x + label) % 256);
                }
            }
        }
        return record;
    }

    [Fact]
    public void a_hand_built_cifar_file_reads_as_labelled_3x32x32_images_in_channel_row_column_order()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("data_batch_1.bin"), [.. Record(3), .. Record(9)]);
        File.WriteAllBytes(directory.File("test_batch.bin"), Record(0));

        var dataset = CifarReader.Read(directory.File("data_batch_1.bin"), directory.File("test_batch.bin"));

        Assert.Equal((3, 3, 32, 32, 10), (dataset.Count, dataset.Channels, dataset.Height, dataset.Width, dataset.Classes));
        Assert.Equal([3, 9, 0], dataset.Labels.ToArray());
        Assert.Equal("cifar10", dataset.Name);
        Assert.True(dataset.AllowsHorizontalFlip);
        // Image 1 (label 9), green (channel 1), row 2, column 5: 50 + 2 + 5 + 9.
        Assert.Equal(66, dataset.Image(1)[1 * 1024 + 2 * 32 + 5]);
        // Image 0 (label 3), blue, row 31, column 31: 100 + 62 + 3.
        Assert.Equal(165, dataset.Image(0)[2 * 1024 + 31 * 32 + 31]);
        Assert.Equal(Record(0)[1..], dataset.Image(2).ToArray());
    }

    [Fact]
    public void a_file_that_is_not_whole_records_throws_naming_it_and_its_size()
    {
        using var directory = new TempDirectory();
        var path = directory.File("data_batch_2.bin");
        File.WriteAllBytes(path, [.. Record(1), 7, 7, 7]);
        var error = Assert.Throws<DatasetException>(() => CifarReader.Read(path));
        Assert.Equal(
            $"{path}: holds 3076 bytes, not a multiple of the 3,073-byte CIFAR-10 record (1 whole records and 3 bytes over)",
            error.Message);
    }

    [Fact]
    public void a_label_above_9_throws_naming_the_file_and_record()
    {
        using var directory = new TempDirectory();
        var path = directory.File("data_batch_3.bin");
        File.WriteAllBytes(path, [.. Record(4), .. Record(10)]);
        var error = Assert.Throws<DatasetException>(() => CifarReader.Read(path));
        Assert.Equal($"{path}: record 1 has label 10; CIFAR-10 labels are 0 to 9", error.Message);
    }

    [Fact]
    public void an_empty_or_missing_file_throws_naming_it()
    {
        using var directory = new TempDirectory();
        var empty = directory.File("empty.bin");
        File.WriteAllBytes(empty, []);
        Assert.Equal($"{empty}: is empty; a CIFAR-10 file holds records of 3,073 bytes",
            Assert.Throws<DatasetException>(() => CifarReader.Read(empty)).Message);
        var missing = directory.File("data_batch_9.bin");
        Assert.Equal($"{missing}: does not exist", Assert.Throws<DatasetException>(() => CifarReader.Read(missing)).Message);
    }
}
