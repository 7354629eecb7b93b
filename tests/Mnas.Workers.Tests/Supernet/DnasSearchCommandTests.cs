using System.Text.Json;
using Mnas.Campaigns;
using Mnas.Host.Commands;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Supernet;
using Mnas.Store.Sqlite;
using Mnas.Workers.Datasets;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>
/// <c>mnas search --strategy fbnet|fbnetv2</c> end to end on the real engine and Fashion-MNIST: the supernet's lookup
/// table timed on this machine, the supernet trained, its epochs and posterior kept, the drawn children trained and
/// measured as ordinary children, and one of them exported as the network its name gives.
/// </summary>
public sealed class DnasSearchCommandTests : IDisposable
{
    private const string Spec = """
        name: tiny-dnas
        target:
          input: {channels: 3, height: 32, width: 32}
          classes: 10
        skeleton:
          stem_channels: 8
          stem_stride: 2
          blocks:
            - {channels: 16, layers: 2, stride: 2}
            - {channels: 24, layers: 1, stride: 2}
          head_channels: 64
        proxy:
          dataset: fashion-mnist
          epochs: 1
          train_subset_size: 320
          validation_fraction: 0.05
        dnas:
          candidates: [k3_e1, k3_e1_g2, k5_e3, skip]
          epochs: 2
          warmup_epochs: 1
          samples: 2
          widths: [0.5, 1.0]
          resolutions: [1, 2]
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"mnas-dnas-search-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("fbnet")]
    [InlineData("fbnetv2")]
    public async Task a_differentiable_search_trains_its_supernet_then_the_children_it_draws(string strategy)
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        Directory.CreateDirectory(directory);
        var spec = Path.Combine(directory, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var data = Path.Combine(directory, "data");

        Assert.Equal(0, QuietCommand.Run(SearchCommand.Create(), "search", "--spec", spec, "--strategy", strategy, "--children", "5", "--id", strategy, "--data", data));

        await using var store = SqliteCampaignStore.InDirectory(data);
        var supernet = (await store.GetSupernetAsync(strategy))!;
        Assert.Equal((1, 2, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        var epochs = await store.ListSupernetEpochsAsync(strategy);
        Assert.Equal([false, true], epochs.Select(e => e.ThetaTrained));
        Assert.All(epochs, e => Assert.True(e.Loss > 0 && e.ExpectedLatencyMs > 0, $"epoch {e.Epoch}: loss {e.Loss}, latency {e.ExpectedLatencyMs}"));
        var posterior = SupernetPosterior.FromJson(supernet.PosteriorJson!);
        Assert.Equal(strategy == "fbnetv2", posterior.Widths != null && posterior.Resolutions != null);
        var children = await store.ListChildrenAsync(strategy);
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.True(c.Status == ChildStatus.Done, $"child {c.Sequence}: {c.Status} {c.FailureReason}"));
        Assert.All(children, c => Assert.InRange(c.Metrics!.Accuracy, 0.0, 1.0));

        var output = Path.Combine(directory, "out");
        Assert.Equal(0, QuietCommand.Run(ExportCommand.Create(), "export", strategy, "--child", "1", "--out", output, "--data", data));
        var exported = ArchitectureFile.Load(Path.Combine(output, "architecture.json"));
        var name = SupernetChildName.Parse(children[0].Architecture);
        Assert.Equal(children[0].Architecture, exported.Name);
        Assert.Equal(name.Candidates.Count(c => c != "skip"), exported.Blocks.Count);
        Assert.Equal(32 / (name.Resolution ?? 1), exported.Input.Height);
        // The weights were trained at the proxy input sub-sampled alike (Fashion-MNIST's 28×28: 14×14 at r = 2).
        Assert.Equal((28 + (name.Resolution ?? 1) - 1) / (name.Resolution ?? 1), ArchitectureFile.Load(Path.Combine(output, "weights-architecture.json")).Input.Height);
        Assert.Equal(children[0].Architecture, JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json"))).RootElement
            .GetProperty("architecture").GetString());
    }
}
