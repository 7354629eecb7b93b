namespace Mnas.Api.Tests;

/// <summary>The repository these tests run from: the nearest folder above them that holds Mnas.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
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
