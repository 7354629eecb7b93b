using System.Security.Cryptography;

namespace Mnas.Workers.Datasets;

/// <summary>SHA-256 as lower-case hex, the form the pins and the manifest use.</summary>
internal static class FileHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
