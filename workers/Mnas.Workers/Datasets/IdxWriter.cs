using System.Buffers.Binary;

namespace Mnas.Workers.Datasets;

/// <summary>Writes IDX files as <see cref="IdxReader"/> reads them: images rank 3 (N×H×W), labels rank 1, unsigned bytes.</summary>
public static class IdxWriter
{
    public static void WriteImages(string path, ReadOnlySpan<byte> pixels, int count, int height, int width)
    {
        using var file = CreateFile(path);
        WriteImages(file, pixels, count, height, width);
        file.Flush(flushToDisk: true);
    }

    public static void WriteLabels(string path, ReadOnlySpan<byte> labels)
    {
        using var file = CreateFile(path);
        WriteLabels(file, labels);
        file.Flush(flushToDisk: true);
    }

    public static void WriteImages(Stream stream, ReadOnlySpan<byte> pixels, int count, int height, int width)
    {
        if (pixels.Length != (long)count * height * width)
        {
            throw new ArgumentException($"{count} images of {height}×{width} need {(long)count * height * width} bytes; got {pixels.Length}", nameof(pixels));
        }
        WriteHeader(stream, count, height, width);
        stream.Write(pixels);
    }

    public static void WriteLabels(Stream stream, ReadOnlySpan<byte> labels)
    {
        WriteHeader(stream, labels.Length);
        stream.Write(labels);
    }

    private static FileStream CreateFile(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);

    private static void WriteHeader(Stream stream, params int[] dims)
    {
        Span<byte> header = stackalloc byte[4 + 4 * dims.Length];
        header[0] = 0;
        header[1] = 0;
        header[2] = IdxReader.UnsignedByte;
        header[3] = (byte)dims.Length;
        for (var d = 0; d < dims.Length; d++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims[d]);
            BinaryPrimitives.WriteUInt32BigEndian(header[(4 + 4 * d)..], (uint)dims[d]);
        }
        stream.Write(header);
    }
}
