using Mnas.Campaigns;
using Mnas.Host.Commands;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Supernet;
using Mnas.Store.Sqlite;
using Mnas.Workers.Datasets;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>
/// <c>mnas search --strategy bn-nas</c> end to end on the real engine and Fashion-MNIST, embedded: the lookup table
/// timed on this machine, the single-path supernet trained (BN-only, or every weight), its epochs, indicator and evolution
/// kept, the chosen subnets trained and measured as ordinary children, one exported as the network its name gives.
/// </summary>
public sealed class BnNasSearchCommandTests : IDisposable
{
    private const string Spec = """
        name: tiny-bnnas
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
        bnnas:
          candidates: [k3_e1, k3_e1_g2, k5_e3]
          epochs: 20
          population: 8
          iterations: 3
          parents: 3
          samples: 2
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"mnas-bnnas-search-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("bn", 2)] // a tenth of 20
    [InlineData("full", 3)]
    public async Task a_bn_nas_search_trains_its_supernet_evolves_over_the_indicator_then_trains_the_chosen_subnets(string training, int epochs)
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        Directory.CreateDirectory(directory);
        var spec = Path.Combine(directory, "spec.yaml");
        File.WriteAllText(spec, training == "bn" ? Spec : Spec.Replace("epochs: 20", "epochs: 3\n  training: full", StringComparison.Ordinal));
        var data = Path.Combine(directory, "data");

        Assert.Equal(0, QuietCommand.Run(SearchCommand.Create(), "search", "--spec", spec, "--strategy", "bn-nas", "--children", "5", "--id", "bn", "--data", data));

        await using var store = SqliteCampaignStore.InDirectory(data);
        var supernet = (await store.GetSupernetAsync("bn"))!;
        Assert.Equal((1, epochs, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        var recorded = await store.ListSupernetEpochsAsync("bn");
        Assert.All(recorded, e => Assert.True(e.Loss > 0 && e.ExpectedLatencyMs > 0 && e.Scores!.SelectMany(s => s).Any(v => v > 0),
            $"epoch {e.Epoch}: loss {e.Loss}, latency {e.ExpectedLatencyMs}"));
        var posterior = SupernetPosterior.FromJson(supernet.PosteriorJson!);
        Assert.NotNull(posterior.Costs);
        var evolution = SupernetEvolution.FromJson(supernet.EvolutionJson!);
        var children = (await store.ListChildrenAsync("bn")).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(evolution.Chosen.Select(c => c.Architecture), children.Select(c => c.Architecture));
        Assert.All(children, c => Assert.True(c.Status == ChildStatus.Done, $"child {c.Sequence}: {c.Status} {c.FailureReason}"));
        Assert.All(children, c => Assert.Equal(evolution.Chosen.Single(e => e.Architecture == c.Architecture).Costs.Params, c.Metrics!.Params));

        var output = Path.Combine(directory, "out");
        Assert.Equal(0, QuietCommand.Run(ExportCommand.Create(), "export", "bn", "--child", "1", "--out", output, "--data", data));
        var exported = ArchitectureFile.Load(Path.Combine(output, "architecture.json"));
        Assert.Equal(children[0].Architecture, exported.Name);
        Assert.Equal(SupernetChildName.Parse(children[0].Architecture).Candidates.Count, exported.Blocks.Count);
    }
}
