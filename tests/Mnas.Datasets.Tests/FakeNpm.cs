using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Mnas.Datasets.Tests;

/// <summary>Shell scripts standing in for npm, so the fetch path can be tested without the registry.</summary>
internal static class FakeNpm
{
    /// <summary>A script that logs its arguments to <c>calls.log</c> and runs <paramref name="body"/> (<c>$4</c> is the pack destination).</summary>
    public static string Script(TempDirectory directory, string body)
    {
        var path = directory.File("npm");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$@\" >> '{directory.File("calls.log")}'\n{body}\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the fake npm is a POSIX shell script");
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static int Calls(TempDirectory directory) =>
        File.Exists(directory.File("calls.log")) ? File.ReadAllLines(directory.File("calls.log")).Length : 0;

    /// <summary>A .tgz holding the given files (name → text), as npm packs them.</summary>
    public static void Tarball(string path, IReadOnlyDictionary<string, string> files)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        foreach (var (name, text) in files)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
    }
}
