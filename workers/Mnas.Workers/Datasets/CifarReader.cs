namespace Mnas.Workers.Datasets;

/// <summary>
/// Reads the CIFAR-10 binary version (<c>data_batch_1.bin</c> … <c>data_batch_5.bin</c>, <c>test_batch.bin</c>), for users
/// who bring their own files: records of one label byte (0–9) then 3,072 pixel bytes, 32×32 red, then green, then blue
/// (C×H×W). A size that is not a whole number of records, or a label above 9, throws a <see cref="DatasetException"/>
/// naming the file.
/// </summary>
public static class CifarReader
{
    public const int Classes = 10;
    public const int Channels = 3;
    public const int Side = 32;
    public const int ImageSize = Channels * Side * Side;
    public const int RecordSize = 1 + ImageSize;

    /// <summary>The records of all the files, in order, as one data set named <c>cifar10</c> (flips allowed).</summary>
    public static ImageDataset Read(params string[] paths)
    {
        if (paths.Length == 0)
        {
            throw new ArgumentException("no CIFAR-10 file given", nameof(paths));
        }
        var files = paths.Select(path => (Path: path, Bytes: DatasetFile.ReadAllBytes(path))).ToArray();
        foreach (var (path, bytes) in files)
        {
            Check(path, bytes);
        }
        var count = files.Sum(f => f.Bytes.Length / RecordSize);
        var pixels = new byte[(long)count * ImageSize];
        var labels = new byte[count];
        var image = 0;
        foreach (var (_, bytes) in files)
        {
            for (var offset = 0; offset < bytes.Length; offset += RecordSize, image++)
            {
                labels[image] = bytes[offset];
                Array.Copy(bytes, offset + 1, pixels, (long)image * ImageSize, ImageSize);
            }
        }
        return new ImageDataset("cifar10", pixels, labels, Channels, Side, Side, Classes, allowsHorizontalFlip: true);
    }

    private static void Check(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw DatasetException.InFile(path, "is empty; a CIFAR-10 file holds records of 3,073 bytes");
        }
        if (bytes.Length % RecordSize != 0)
        {
            throw DatasetException.InFile(path,
                $"holds {bytes.Length} bytes, not a multiple of the 3,073-byte CIFAR-10 record ({bytes.Length / RecordSize} whole records and {bytes.Length % RecordSize} bytes over)");
        }
        for (var record = 0; record < bytes.Length / RecordSize; record++)
        {
            var label = bytes[record * RecordSize];
            if (label >= Classes)
            {
                throw DatasetException.InFile(path, $"record {record} has label {label}; CIFAR-10 labels are 0 to 9");
            }
        }
    }
}
