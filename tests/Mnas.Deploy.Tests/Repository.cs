namespace Mnas.Deploy.Tests;

/// <summary>The repository's root, found from the test's output directory (the folder holding Mnas.sln).</summary>
internal static class Repository
{
    internal static string Root { get; } = Find();

    internal static string Chart => Path.Combine(Root, "k8s", "mnas");

    internal static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mnas.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Mnas.sln above {AppContext.BaseDirectory}");
    }
}
