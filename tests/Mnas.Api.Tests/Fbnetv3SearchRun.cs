namespace Mnas.Api.Tests;

/// <summary>
/// A small fbnetv3 campaign (<see cref="Campaign"/>) searched to its end by a real <c>mnas search</c> process with the
/// simulated trainer, in a data directory of its own: its predictor fitted and checkpointed, its latency table measured
/// (by the simulated runner's function of each operator's multiply-adds), ready to be asked again.
/// </summary>
public sealed class Fbnetv3SearchRun : IAsyncLifetime
{
    public const string Campaign = "v3";

    private const string Spec = """
        name: tiny-fbnetv3
        target:
          input: {channels: 3, height: 32, width: 32}
          classes: 10
        skeleton:
          stem_channels: 8
          stem_stride: 1
          blocks:
            - {channels: 16, layers: 2, stride: 2}
            - {channels: 16, layers: 2, stride: 1}
          head_channels: 32
        fbnetv3:
          hidden_units: 8
          pretrain_architectures: 16
          pretrain_epochs: 3
          predictor_epochs: 8
          frozen_epochs: 2
          rounds: 2
          children_per_round: 2
          pool: 12
          population: 6
          top_k: 3
          max_iterations: 2
          final_children: 1
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("mnas-requery-").FullName;

    /// <summary>The data directory holding the campaign.</summary>
    public string Data => Path.Combine(directory, "data");

    /// <summary>The <c>--set</c> settings of every command run on the campaign.</summary>
    public static IReadOnlyList<string> Settings { get; } = ["worker.trainer=simulated", "worker.simulated_seconds=0.05"];

    public async Task InitializeAsync()
    {
        var spec = Path.Combine(directory, "spec.yaml");
        await File.WriteAllTextAsync(spec, Spec);
        var (exitCode, output) = await MnasCommand.RunAsync("search", Settings, "--spec", spec, "--strategy", "fbnetv3", "--id", Campaign, "--data", Data);
        Assert.True(exitCode == 0, $"mnas search exited {exitCode}:\n{output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
