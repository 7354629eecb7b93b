using System.Text.Json;
using Mnas.Host.Commands;
using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Datasets;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"mnas-export-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void an_exported_childs_weights_load_exactly_into_the_architecture_exported_beside_them()
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        Directory.CreateDirectory(directory);
        var spec = Path.Combine(directory, "spec.yaml");
        File.WriteAllText(spec, "name: tiny\nproxy:\n  dataset: fashion-mnist\n  epochs: 1\n  train_subset_size: 128\n  validation_fraction: 0.05\n");
        var data = Path.Combine(directory, "data");

        Assert.Equal(0, QuietCommand.Run(SearchCommand.Create(), "search", "--spec", spec, "--children", "1", "--minibatch", "1", "--id", "tiny", "--data", data));
        var output = Path.Combine(directory, "out");
        Assert.Equal(0, QuietCommand.Run(ExportCommand.Create(), "export", "tiny", "--child", "1", "--out", output, "--data", data));

        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json"))).RootElement;
        Assert.Equal("weights-architecture.json", metrics.GetProperty("weights").GetProperty("architecture").GetString());
        var proxy = ArchitectureFile.Load(Path.Combine(output, "weights-architecture.json"));
        var target = ArchitectureFile.Load(Path.Combine(output, "architecture.json"));
        Assert.Equal(1, proxy.Input.Channels);
        Assert.Equal(3, target.Input.Channels);
        using var model = new ChildNetwork(proxy);
        model.load(Path.Combine(output, "weights.safetensors"), strict: true);
        using var targetModel = new ChildNetwork(target);
        Assert.ThrowsAny<Exception>(() => targetModel.load(Path.Combine(output, "weights.safetensors"), strict: true));
    }
}
