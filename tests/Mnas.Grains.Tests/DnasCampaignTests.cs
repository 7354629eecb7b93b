using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Grains.Tests;

/// <summary>
/// Differentiable campaigns (fbnet, fbnetv2) in the runtime: the supernet trains as one job on one worker, every epoch
/// recorded with its state before the next; its children are drawn from the posterior and trained as ordinary children;
/// a supernet whose worker dies with the campaign's silo goes on from its last recorded epoch, repeating none; one that
/// fails every attempt fails the campaign with the reason. The supernet here is the simulated one (no training); the
/// supernet's own training is tested in the workers' tests and end to end by the command line's.
/// </summary>
public sealed class DnasCampaignTests : IAsyncLifetime
{
    private const int Epochs = 4;
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-dnas-{Guid.NewGuid():N}");

    private static readonly CampaignSpec Spec = new()
    {
        Name = "dnas",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(16, 2, 1)], HeadChannels = 32 },
        Dnas = new DnasSpec { Candidates = ["k3_e1", "k3_e3", "k5_e6", "skip"], Epochs = Epochs, WarmupEpochs = 1, Samples = 3, Widths = [0.5, 1.0] },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        return Task.CompletedTask;
    }

    private RuntimeOptions Options(int maxAttempts = 3) => new() { DataDirectory = data, Workers = 2, MaxAttempts = maxAttempts };

    private static Campaign Campaign(string strategy) => new(strategy, strategy, CampaignSpecWriter.ToJson(Spec),
        new CampaignSettings(strategy, MaxChildren: 10).ToJson(), 7, CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    private static async Task<Campaign> RunAsync(CampaignHost host, string strategy)
    {
        var settings = new CampaignSettings(strategy, MaxChildren: 10);
        return await host.Runner.RunAsync(strategy, StrategyFactory.Create(settings, 7, Spec), settings.Budget);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("fbnet")]
    [InlineData("fbnetv2")]
    public async Task the_supernet_trains_once_then_its_drawn_children_train_as_ordinary_children(string strategy)
    {
        var trainer = new FakeTrainer();
        await using var host = await CampaignHost.StartAsync(Options(), _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign(strategy));

        var finished = await RunAsync(host, strategy);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var supernet = (await host.Store.GetSupernetAsync(strategy))!;
        Assert.Equal((1, Epochs, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        Assert.Equal(Enumerable.Range(1, Epochs), (await host.Store.ListSupernetEpochsAsync(strategy)).Select(e => e.Epoch));
        var request = Assert.Single(trainer.SupernetRequests);
        Assert.Equal((strategy, null), (request.Strategy, request.SupernetState));
        var children = await host.Store.ListChildrenAsync(strategy);
        Assert.Equal(Spec.Dnas.Samples, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        var names = children.Select(c => SupernetChildName.Parse(c.Architecture)).ToList();
        Assert.All(names, n => Assert.Equal(strategy == "fbnetv2", n.Widths != null));
        // Each child trained the network its name gives.
        var architectures = CampaignArchitectures.For(Spec, strategy);
        Assert.All(trainer.Requests, r => Assert.Equal(ArchitectureFile.ToJson(architectures.Target(children.Single(c => c.Sequence == r.Sequence).Architecture)),
            r.ArchitectureJson));
        // A child drawn below the full input trains on the pixels the supernet kept for it.
        Assert.All(trainer.Requests, r => Assert.Equal(SupernetChildName.Parse(children.Single(c => c.Sequence == r.Sequence).Architecture).Resolution ?? 1,
            r.Resolution));
        var events = await host.Store.ListEventsAsync(strategy, limit: 500);
        Assert.Equal(Epochs, events.Count(e => e.Kind == "supernet" && e.Message.StartsWith("supernet epoch", StringComparison.Ordinal)));
        Assert.Single(events, e => e.Kind == "supernet-trained");
    }

    [Fact(Timeout = 60_000)]
    public async Task a_supernet_whose_silo_died_goes_on_from_its_last_recorded_epoch_and_repeats_none()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new FakeTrainer
        {
            SupernetEpochStarting = async (epoch, cancellation) =>
            {
                if (epoch == 3)
                {
                    held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
            },
        };
        await using (var host = await CampaignHost.StartAsync(Options(), _ => first))
        {
            await host.Store.CreateCampaignAsync(Campaign("fbnet"));
            using var kill = new CancellationTokenSource();
            var settings = new CampaignSettings("fbnet", MaxChildren: 10);
            var run = host.Runner.RunAsync("fbnet", StrategyFactory.Create(settings, 7, Spec), settings.Budget, cancellation: kill.Token);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await SiloDeath.KillAsync(host, kill, run);
        }
        Assert.Equal([1, 2], first.SupernetEpochs);

        var second = new FakeTrainer();
        await using var resumed = await CampaignHost.StartAsync(Options(), _ => second);
        var finished = await RunAsync(resumed, "fbnet");

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var request = Assert.Single(second.SupernetRequests);
        Assert.Equal((2, 2), (request.Attempt, BitConverter.ToInt32(request.SupernetState)));
        Assert.Equal([3, 4], second.SupernetEpochs);
        var epochs = await resumed.Store.ListSupernetEpochsAsync("fbnet");
        Assert.Equal([(1, 1), (2, 1), (3, 2), (4, 2)], epochs.Select(e => (e.Epoch, e.Attempt)));
        Assert.Contains(await resumed.Store.ListEventsAsync("fbnet", limit: 500), e => e.Kind == "retry" && e.Message.Contains("from epoch 2"));
        Assert.Equal(Spec.Dnas.Samples, (await resumed.Store.ListChildrenAsync("fbnet", ChildStatus.Done)).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_supernet_that_fails_every_attempt_fails_the_campaign_with_the_reason()
    {
        var trainer = new FailingSupernetTrainer();
        await using var host = await CampaignHost.StartAsync(Options(maxAttempts: 2), _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign("fbnet"));

        var error = await Assert.ThrowsAsync<SupernetFailedException>(() => RunAsync(host, "fbnet"));

        Assert.Contains("out of memory", error.Message);
        Assert.Equal(CampaignStatus.Failed, (await host.Store.GetCampaignAsync("fbnet"))!.Status);
        Assert.Equal(2, (await host.Store.GetSupernetAsync("fbnet"))!.Attempts);
        Assert.Empty(await host.Store.ListChildrenAsync("fbnet"));
        Assert.Contains(await host.Store.ListEventsAsync("fbnet", limit: 500), e => e.Kind == "supernet-failed");
    }

    /// <summary>A runner whose supernets always fail (and which trains nothing else here).</summary>
    private sealed class FailingSupernetTrainer : Trainer.IChildRunner
    {
        public Task<Contracts.ChildEvaluated> RunAsync(Contracts.TrainChild request, CancellationToken cancellation) =>
            throw new InvalidOperationException("no child is trained in this test");

        public Task<double> MeasureLatencyAsync(Contracts.TrainChild request, CancellationToken cancellation) =>
            throw new InvalidOperationException("no latency is measured in this test");

        public Task<Contracts.SupernetTrained> TrainSupernetAsync(Contracts.TrainChild request, Func<Contracts.SupernetEpochReported, Task> onEpoch,
            CancellationToken cancellation) =>
            Task.FromResult(new Contracts.SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, false, "out of memory", null));
    }
}
