namespace Mnas.Workers.Datasets;

/// <summary>
/// Where fetched data sets live: <c>$MNAS_DATA</c> when set; otherwise <c>&lt;repo&gt;/.data</c> when run inside the Mnas
/// repository (the nearest directory holding <c>Mnas.sln</c>, walking up from the current directory; git ignores
/// <c>.data/</c>); otherwise <c>~/.cache/mnas</c>. Each data set has its own sub-directory.
/// </summary>
public static class DatasetCacheDirectory
{
    public const string EnvironmentVariable = "MNAS_DATA";
    public const string SolutionFile = "Mnas.sln";

    public static string Default() =>
        Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable), Environment.CurrentDirectory,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static string Resolve(string? mnasData, string currentDirectory, string home)
    {
        if (!string.IsNullOrWhiteSpace(mnasData))
        {
            return Path.GetFullPath(mnasData);
        }
        var repository = FindRepositoryRoot(currentDirectory);
        return repository != null ? Path.Combine(repository, ".data") : Path.Combine(home, ".cache", "mnas");
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds <c>Mnas.sln</c>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
