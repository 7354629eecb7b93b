namespace Mnas.Grains.Tests;

/// <summary>Data directories for a test's silos, each new and empty, all deleted with this.</summary>
internal sealed class TemporaryDirectories(string prefix) : IDisposable
{
    private readonly List<string> directories = [];

    public string New()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        directories.Add(directory);
        return directory;
    }

    public void Dispose() => directories.Where(Directory.Exists).ToList().ForEach(d => Directory.Delete(d, recursive: true));
}
