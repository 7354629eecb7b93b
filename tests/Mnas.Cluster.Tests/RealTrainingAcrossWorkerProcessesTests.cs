using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Hosting;
using Mnas.Grains.Tests.RabbitMq;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Datasets;

namespace Mnas.Cluster.Tests;

/// <summary>
/// The chaos test's campaign (48 children, the RL controller) with real (tiny) training and latency measurement instead
/// of the simulated trainer: a coordinator in this process and two <c>mnas worker</c> processes over the broker. Every
/// child is done, both worker processes trained some, and a SIGTERM stops each worker cleanly.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RealTrainingAcrossWorkerProcessesTests(RabbitMqBroker broker) : IAsyncLifetime
{
    private const int Children = 48;
    private readonly string data = Directory.CreateTempSubdirectory("mnas-cluster-").FullName;
    private readonly RabbitMqOptions rabbitMq = broker.ForTest();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact(Timeout = 600_000)]
    public async Task a_campaign_with_real_training_completes_across_two_worker_processes()
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        var options = new RuntimeOptions
        {
            DataDirectory = Path.Combine(data, "coordinator"), Workers = 0, Transport = RuntimeTransports.RabbitMq, RabbitMq = rabbitMq,
            HeartbeatInterval = TimeSpan.FromSeconds(1), LeaseGrace = TimeSpan.FromSeconds(60),
        };
        await using var coordinator = await CampaignHost.StartAsync(options);
        var settings = new[] { "latency.runs=3", "latency.warmup=1", "worker.threads=1", "leases.heartbeat_seconds=1", "leases.grace_seconds=60" };
        await using var first = MnasProcess.Worker(rabbitMq, Path.Combine(data, "w1"), settings);
        await using var second = MnasProcess.Worker(rabbitMq, Path.Combine(data, "w2"), settings);
        using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            while (coordinator.Pool.LiveSlots < 2)
            {
                Assert.False(ready.IsCancellationRequested, $"the workers did not report within 90 s:\n{first.Output}\n{second.Output}");
                await Task.Delay(100);
            }
        }

        var spec = new CampaignSpec { Name = "cluster", Proxy = new ProxySpec { Epochs = 1, TrainSubsetSize = 128, ValidationFraction = 0.05 } };
        await coordinator.Store.CreateCampaignAsync(new Campaign("cluster", "cluster", CampaignSpecWriter.ToJson(spec), "random", 3,
            CampaignStatus.Running, DateTimeOffset.UtcNow));
        await coordinator.Runner.RunAsync("cluster", StrategyFactory.Create(new CampaignSettings("rl", Children, null, 4, 2), 3),
            new CampaignBudget(Children, null));

        var children = await coordinator.Store.ListChildrenAsync("cluster");
        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.True(c.Status == ChildStatus.Done, $"child {c.Sequence} is {c.Status}: {c.FailureReason}"));
        Assert.All(children, c => Assert.True(c.Metrics!.Accuracy > 0 && c.Metrics.LatencyMs > 0 && c.Metrics.Params > 0));
        int Trained(string worker) =>
            Directory.Exists(Path.Combine(data, worker)) ? Directory.GetFiles(Path.Combine(data, worker), "*.safetensors", SearchOption.AllDirectories).Length : 0;
        Assert.True(Trained("w1") > 0 && Trained("w2") > 0, $"children trained by w1: {Trained("w1")}, by w2: {Trained("w2")}");
        // Children with the architecture of an earlier one reuse its result instead of training again.
        Assert.Equal(children.Select(c => c.Architecture).Distinct().Count(), Trained("w1") + Trained("w2"));

        Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("stopping", first.Output);
    }
}
