using System.Buffers.Binary;

namespace Mnas.Workers.Datasets;

/// <summary>
/// Reads the IDX format of MNIST: two zero bytes, the data type (only 0x08, unsigned byte, is supported), the rank,
/// then one big-endian 32-bit size per dimension, then the data. Images are rank 3 (N×H×W), labels rank 1 (N).
/// Anything malformed throws a <see cref="DatasetException"/> naming the file and the fault.
/// </summary>
public static class IdxReader
{
    internal const byte UnsignedByte = 0x08;

    public static IdxImages ReadImages(string path) => ParseImages(DatasetFile.ReadAllBytes(path), path);

    public static byte[] ReadLabels(string path) => ParseLabels(DatasetFile.ReadAllBytes(path), path);

    /// <summary>An image file and its label file as one data set; every label must be below <paramref name="classes"/>.</summary>
    public static ImageDataset ReadDataset(string imagesPath, string labelsPath, string name, int classes, bool allowsHorizontalFlip,
        int? testStart = null) =>
        Combine(ReadImages(imagesPath), imagesPath, ReadLabels(labelsPath), labelsPath, name, classes, allowsHorizontalFlip, testStart);

    internal static IdxImages ParseImages(byte[] bytes, string source)
    {
        var (dims, offset) = ParseHeader(bytes, source, rank: 3, "images (N×H×W)");
        return new IdxImages(bytes.AsSpan(offset).ToArray(), dims[0], dims[1], dims[2]);
    }

    internal static byte[] ParseLabels(byte[] bytes, string source)
    {
        var (_, offset) = ParseHeader(bytes, source, rank: 1, "labels (N)");
        return bytes.AsSpan(offset).ToArray();
    }

    internal static ImageDataset Combine(IdxImages images, string imagesSource, byte[] labels, string labelsSource, string name,
        int classes, bool allowsHorizontalFlip, int? testStart)
    {
        if (labels.Length != images.Count)
        {
            throw DatasetException.InFile(labelsSource, $"holds {labels.Length} labels but {imagesSource} holds {images.Count} images");
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
            {
                throw DatasetException.InFile(labelsSource, $"label {labels[i]} of image {i} is not below the {classes} classes");
            }
        }
        return new ImageDataset(name, images.Pixels, labels, 1, images.Height, images.Width, classes, allowsHorizontalFlip, testStart);
    }

    private static (int[] Dims, int Offset) ParseHeader(byte[] bytes, string source, int rank, string what)
    {
        if (bytes.Length < 4)
        {
            throw DatasetException.InFile(source, $"is truncated: {bytes.Length} bytes cannot hold the 4-byte IDX magic");
        }
        if (bytes[0] != 0 || bytes[1] != 0)
        {
            throw DatasetException.InFile(source,
                $"is not an IDX file: it starts with {Convert.ToHexString(bytes, 0, 4)}, and IDX files start with 0000 then the type and rank");
        }
        if (bytes[2] != UnsignedByte)
        {
            throw DatasetException.InFile(source, $"holds IDX data type 0x{bytes[2]:X2}; only 0x08 (unsigned byte) is supported");
        }
        if (bytes[3] != rank)
        {
            throw DatasetException.InFile(source, $"has rank {bytes[3]}; {what} need rank {rank}");
        }
        var offset = 4 + 4 * rank;
        if (bytes.Length < offset)
        {
            throw DatasetException.InFile(source, $"is truncated: {bytes.Length} bytes cannot hold the header of a rank-{rank} IDX file ({offset} bytes)");
        }
        var dims = new int[rank];
        long expected = 1;
        for (var d = 0; d < rank; d++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (size == 0 || size > int.MaxValue)
            {
                throw DatasetException.InFile(source, $"declares dimension {d} as {size}, which is not a usable size");
            }
            dims[d] = (int)size;
            expected *= size;
            if (expected > Array.MaxLength)
            {
                throw DatasetException.InFile(source, $"declares dimensions {string.Join('×', dims.Take(d + 1))}, more data than one array can hold");
            }
        }
        long found = bytes.Length - offset;
        if (found < expected)
        {
            throw DatasetException.InFile(source,
                $"is truncated: its dimensions {string.Join('×', dims)} need {expected} data bytes but it holds {found}");
        }
        if (found > expected)
        {
            throw DatasetException.InFile(source,
                $"does not match its dimensions: {string.Join('×', dims)} need {expected} data bytes but it holds {found} ({found - expected} extra)");
        }
        return (dims, offset);
    }
}
