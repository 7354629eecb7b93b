using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Datasets;

namespace Mnas.Grains.Tests;

/// <summary>
/// An rl campaign with <c>reward.kind: memory</c> on the embedded runtime: its children train on the real pipeline (a
/// tiny network, 512 images of Fashion-MNIST, one epoch), each done child's stored reward is MemNAS's memory
/// efficiency of its target view against mobilenet_v2's — worked out here again from the stored accuracy and the two
/// footprints — and the controller learns from exactly those rewards. A latency campaign's rewards are still
/// ACC·(LAT/T)^w.
/// </summary>
public sealed class MemoryRewardCampaignTests : IAsyncLifetime
{
    private const string Strategy = "rl";
    private const int Children = 4;
    private readonly TemporaryDirectories directories = new("mnas-memory-reward");

    private static readonly CampaignSpec Spec = new()
    {
        Name = "memory-reward",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 1, 2), new(24, 1, 2)], HeadChannels = 32 },
        Proxy = new ProxySpec { Epochs = 1, BatchSize = 32, TrainSubsetSize = 512, ValidationFraction = 0.01 },
        Reward = new RewardSpec { Kind = RewardSpec.MemoryKind, MemoryLambda = 0.6, MemoryReference = NamedSamples.MobileNetV2, ReferenceAccuracy = 0.5 },
    };

    private static readonly CampaignSettings Settings = new(Strategy, MaxChildren: Children, Minibatch: 2);

    public Task InitializeAsync()
    {
        DatasetFetcher.Fetch(Spec.Proxy.Dataset, DatasetCacheDirectory.Default());
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        directories.Dispose();
        return Task.CompletedTask;
    }

    private RuntimeOptions Options(string trainer = RuntimeOptions.PipelineTrainer) => new()
    {
        DataDirectory = directories.New(), Workers = 2, ThreadsPerWorker = 1, LatencyRuns = 3, LatencyWarmup = 1, MaxAttempts = 1, Trainer = trainer,
        SimulatedSeconds = TimeSpan.FromMilliseconds(20),
    };

    private static async Task<IReadOnlyList<Child>> RunAsync(CampaignHost host, CampaignSpec spec)
    {
        await host.Store.CreateCampaignAsync(new Campaign(spec.Name, spec.Name, CampaignSpecWriter.ToJson(spec), Settings.ToJson(), 3,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        var finished = await host.Runner.RunAsync(spec.Name, StrategyFactory.Create(Settings, 3, spec), Settings.Budget);
        Assert.Equal(CampaignStatus.Completed, finished.Status);
        return await host.Store.ListChildrenAsync(spec.Name);
    }

    /// <summary>λ·(a − a_ref)/a_ref − (1 − λ)·[(r − r_ref)/r_ref + (p − p_ref)/p_ref], spelt out.</summary>
    private static double MemoryEfficiency(RewardSpec reward, double accuracy, MemoryFootprint child, MemoryFootprint reference) =>
        reward.MemoryLambda * (accuracy - reward.ReferenceAccuracy) / reward.ReferenceAccuracy -
        (1 - reward.MemoryLambda) * ((child.PeakActivationBytes - reference.PeakActivationBytes) / (double)reference.PeakActivationBytes +
                                     (child.ParamBytes - reference.ParamBytes) / (double)reference.ParamBytes);

    [Fact(Timeout = 300_000)]
    public async Task an_rl_campaign_with_the_memory_reward_stores_each_childs_memory_efficiency_and_its_controller_learns_from_it()
    {
        await using var host = await CampaignHost.StartAsync(Options());

        var children = await RunAsync(host, Spec);

        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        var space = new ModelSpace(Spec);
        var reference = MemoryFootprint.Of(space.Freeze(NamedSamples.Resolve(space, NamedSamples.MobileNetV2)));
        foreach (var child in children)
        {
            var memory = MemoryFootprint.Of(space.Freeze(space.Parse(child.Architecture)));
            Assert.Equal(MemoryEfficiency(Spec.Reward, child.Metrics!.Accuracy, memory, reference), child.Reward!.Value, 9);
            Assert.NotEqual(Spec.Reward.Reward(child.Metrics.Accuracy, child.Metrics.LatencyMs), child.Reward.Value, 9);
        }
        var updates = await host.Store.ListControllerUpdatesAsync(Spec.Name);
        Assert.Equal(Children / Settings.Minibatch, updates.Count);
        Assert.Equal(children.Sum(c => c.Reward!.Value), updates.Sum(u => u.Children * u.MeanReward), 9);
    }

    [Fact(Timeout = 120_000)]
    public async Task an_rl_campaign_with_the_latency_reward_still_stores_acc_times_lat_over_t_to_the_w()
    {
        var spec = Spec with { Name = "latency-reward", Reward = new RewardSpec { LatencyTargetMs = 20, Alpha = -0.07, Beta = -0.5 } };
        await using var host = await CampaignHost.StartAsync(Options(RuntimeOptions.SimulatedTrainer));

        var children = await RunAsync(host, spec);

        Assert.Equal(Children, children.Count);
        foreach (var child in children)
        {
            var (accuracy, latency) = (child.Metrics!.Accuracy, child.Metrics.LatencyMs);
            Assert.Equal(accuracy * Math.Pow(latency / 20, latency <= 20 ? -0.07 : -0.5), child.Reward!.Value, 12);
        }
    }
}
