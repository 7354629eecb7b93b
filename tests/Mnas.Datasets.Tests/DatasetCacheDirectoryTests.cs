using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class DatasetCacheDirectoryTests
{
    [Fact]
    public void mnas_data_wins_over_everything()
    {
        Assert.Equal("/srv/datasets", DatasetCacheDirectory.Resolve("/srv/datasets", "/work/anywhere", "/home/me"));
    }

    [Fact]
    public void inside_the_repository_the_cache_is_its_dot_data_directory()
    {
        using var repository = new TempDirectory();
        File.WriteAllText(repository.File("Mnas.sln"), "");
        var nested = Directory.CreateDirectory(repository.File("workers", "Mnas.Workers")).FullName;
        Assert.Equal(repository.File(".data"), DatasetCacheDirectory.Resolve(null, nested, "/home/me"));
        Assert.Equal(repository.File(".data"), DatasetCacheDirectory.Resolve("  ", repository.Path, "/home/me"));
        Assert.Equal(repository.Path, DatasetCacheDirectory.FindRepositoryRoot(nested));
    }

    [Fact]
    public void outside_the_repository_the_cache_is_under_the_home_directory()
    {
        using var elsewhere = new TempDirectory();
        Assert.Equal("/home/me/.cache/mnas", DatasetCacheDirectory.Resolve(null, elsewhere.Path, "/home/me"));
        Assert.Null(DatasetCacheDirectory.FindRepositoryRoot(elsewhere.Path));
    }
}
