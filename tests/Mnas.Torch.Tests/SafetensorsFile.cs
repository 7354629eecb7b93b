using System.Buffers.Binary;
using System.Text;

namespace Mnas.Torch.Tests;

/// <summary>Builds safetensors files byte by byte, without the engine's writer.</summary>
internal static class SafetensorsFile
{
    public static byte[] Bytes(string headerJson, byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    public static void Write(string path, string headerJson, byte[] data) => File.WriteAllBytes(path, Bytes(headerJson, data));
}

/// <summary>A fresh directory per test, removed afterwards.</summary>
public abstract class TempDirectoryTest : IDisposable
{
    protected TempDirectoryTest() => Directory = System.IO.Directory.CreateTempSubdirectory("mnas-safetensors-").FullName;

    protected string Directory { get; }

    protected string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
