using System.Formats.Tar;
using System.IO.Compression;

namespace Mnas.Workers.Datasets;

/// <summary>Reads chosen files out of a .tgz in memory, without extracting anything to disk.</summary>
internal static class TarballReader
{
    public static Dictionary<string, byte[]> Read(string tarballPath, string source, Func<string, bool> wanted)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(tarballPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !wanted(entry.Name)
                    || entry.DataStream == null)
                {
                    continue;
                }
                var bytes = new byte[entry.Length];
                entry.DataStream.ReadExactly(bytes);
                entries[entry.Name] = bytes;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DatasetException($"{source}: the downloaded tarball is not a valid .tgz: {e.Message}", innerException: e);
        }
        return entries;
    }

    /// <summary>The bytes themselves, or their gzip decompression when they start with the gzip magic (1F 8B).</summary>
    public static byte[] Gunzipped(byte[] bytes, string source)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException($"{source}: starts as gzip but does not decompress: {e.Message}", innerException: e);
        }
    }
}
