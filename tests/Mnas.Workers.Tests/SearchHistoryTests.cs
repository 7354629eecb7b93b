using Mnas.Campaigns;
using Mnas.Host.Commands;
using Mnas.Store.Sqlite;
using Mnas.Workers.Datasets;

namespace Mnas.Workers.Tests;

/// <summary>What a real search records for its dashboards: each trained child's per-epoch curve and the controller's updates.</summary>
public sealed class SearchHistoryTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"mnas-history-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task a_trained_child_keeps_its_epochs_and_the_controller_its_update()
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        Directory.CreateDirectory(directory);
        var spec = Path.Combine(directory, "spec.yaml");
        File.WriteAllText(spec, "name: curve\nproxy:\n  dataset: fashion-mnist\n  epochs: 2\n  train_subset_size: 128\n  validation_fraction: 0.05\n");
        var data = Path.Combine(directory, "data");

        Assert.Equal(0, QuietCommand.Run(SearchCommand.Create(), "search", "--spec", spec, "--children", "1", "--minibatch", "1", "--id", "curve", "--data", data));

        await using var store = SqliteCampaignStore.InDirectory(data);
        var child = Assert.Single(await store.ListChildrenAsync("curve"));
        Assert.Equal(ChildStatus.Done, child.Status);
        var curve = await store.GetChildCurveAsync("curve", 1);
        Assert.Equal([1, 2], curve.Select(e => e.Epoch));
        Assert.All(curve, e => Assert.True(e.TrainLoss > 0 && e.ValidationAccuracy is >= 0 and <= 1, $"{e}"));
        Assert.Equal(child.Metrics!.Accuracy, curve[^1].ValidationAccuracy);
        var update = Assert.Single(await store.ListControllerUpdatesAsync("curve"));
        Assert.Equal((1L, 1, child.Reward!.Value), (update.Version, update.Children, update.MeanReward));
    }
}
