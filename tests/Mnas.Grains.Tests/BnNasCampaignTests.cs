using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Grains.Tests;

/// <summary>
/// BN-NAS campaigns in the runtime: the single-path supernet trains as one job on one worker, every epoch recorded with
/// its BN indicator and ranking distance; the evolution over the indicator is kept with the supernet, and the subnets it
/// chose train as ordinary children; a supernet whose worker dies with the campaign's silo goes on from its last
/// recorded epoch. The supernet here is the simulated one (no training, its costs counted exactly); its own training is
/// tested in the workers' tests and end to end by the command line's.
/// </summary>
public sealed class BnNasCampaignTests : IAsyncLifetime
{
    private const string Strategy = "bn-nas";
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-bnnas-{Guid.NewGuid():N}");

    private static readonly CampaignSpec Spec = new()
    {
        Name = "bnnas",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(16, 2, 1)], HeadChannels = 32 },
        Bnnas = new BnNasSpec { Candidates = ["k3_e1", "k3_e3", "k5_e6"], Epochs = 40, Population = 12, Iterations = 4, Parents = 4, Samples = 3 },
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

    private RuntimeOptions Options() => new() { DataDirectory = data, Workers = 2, MaxAttempts = 3 };

    private static Campaign Campaign() => new(Strategy, Strategy, CampaignSpecWriter.ToJson(Spec), new CampaignSettings(Strategy, MaxChildren: 10).ToJson(), 7,
        CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    private static Task<Campaign> RunAsync(CampaignHost host, CancellationToken cancellation = default)
    {
        var settings = new CampaignSettings(Strategy, MaxChildren: 10);
        return host.Runner.RunAsync(Strategy, StrategyFactory.Create(settings, 7, Spec), settings.Budget, cancellation: cancellation);
    }

    [Fact(Timeout = 60_000)]
    public async Task the_supernet_trains_its_bn_share_of_epochs_then_the_evolutions_choice_trains_as_ordinary_children()
    {
        var trainer = new FakeTrainer();
        await using var host = await CampaignHost.StartAsync(Options(), _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign());

        var finished = await RunAsync(host);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        const int trained = 4; // a tenth of 40
        var supernet = (await host.Store.GetSupernetAsync(Strategy))!;
        Assert.Equal((1, trained, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        var request = Assert.Single(trainer.SupernetRequests);
        Assert.Equal((Strategy, null), (request.Strategy, request.SupernetState));
        var epochs = await host.Store.ListSupernetEpochsAsync(Strategy);
        Assert.Equal(Enumerable.Range(1, trained), epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.Equal((0.0, false, Spec.Bnnas.Candidates.Count), (e.Temperature, e.ThetaTrained, e.Scores![0].Count)));
        Assert.Null(epochs[0].RankingDistance);
        Assert.All(epochs.Skip(1), e => Assert.InRange(e.RankingDistance!.Value, 0, 1));

        var posterior = SupernetPosterior.FromJson(supernet.PosteriorJson!);
        Assert.Equal(epochs[^1].Scores, posterior.Scores);
        var evolution = SupernetEvolution.FromJson(supernet.EvolutionJson!);
        Assert.Equal(Spec.Bnnas.Iterations, evolution.Iterations.Count);
        Assert.Equal(Spec.Bnnas.Samples, evolution.Chosen.Count);
        var children = (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(evolution.Chosen.Select(c => c.Architecture), children.Select(c => c.Architecture));
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        // Each child trained the network its name gives, and each chosen subnet's costs are the table's, within the reward's target.
        var architectures = CampaignArchitectures.For(Spec, Strategy);
        Assert.All(trainer.Requests, r => Assert.Equal(
            ArchitectureFile.ToJson(architectures.Target(children.Single(c => c.Sequence == r.Sequence).Architecture)), r.ArchitectureJson));
        Assert.All(evolution.Chosen, c =>
        {
            var choice = SupernetChildName.Parse(c.Architecture).Candidates.Select(n => Spec.Bnnas.Candidates.ToList().IndexOf(n)).ToList();
            Assert.Equal(posterior.Costs!.Of(choice), c.Costs);
            Assert.Equal(choice.Select((candidate, layer) => posterior.Scores![layer][candidate]).Sum(), c.Score, 9);
            Assert.True(c.Costs.LatencyMs <= Spec.Reward.LatencyTargetMs);
        });
        var events = await host.Store.ListEventsAsync(Strategy, limit: 500);
        Assert.Equal(trained, events.Count(e => e.Kind == "supernet" && e.Message.Contains("ranking distance", StringComparison.Ordinal)));
        Assert.Single(events, e => e.Kind == "evolution");
    }

    [Fact(Timeout = 60_000)]
    public async Task a_supernet_whose_silo_died_goes_on_from_its_last_recorded_epoch_and_the_resumed_campaign_trains_the_same_children()
    {
        var uninterrupted = new FakeTrainer();
        IReadOnlyList<string> expected;
        await using (var host = await CampaignHost.StartAsync(Options() with { DataDirectory = data + "-whole" }, _ => uninterrupted))
        {
            await host.Store.CreateCampaignAsync(Campaign());
            await RunAsync(host);
            expected = (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).Select(c => c.Architecture).ToList();
        }
        Directory.Delete(data + "-whole", recursive: true);

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
            await host.Store.CreateCampaignAsync(Campaign());
            using var kill = new CancellationTokenSource();
            var run = RunAsync(host, kill.Token);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await SiloDeath.KillAsync(host, kill, run);
        }

        var second = new FakeTrainer();
        await using var resumed = await CampaignHost.StartAsync(Options(), _ => second);
        var finished = await RunAsync(resumed);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var request = Assert.Single(second.SupernetRequests);
        Assert.Equal((2, 2), (request.Attempt, BitConverter.ToInt32(request.SupernetState)));
        Assert.Equal([3, 4], second.SupernetEpochs);
        var epochs = await resumed.Store.ListSupernetEpochsAsync(Strategy);
        Assert.Equal([(1, 1), (2, 1), (3, 2), (4, 2)], epochs.Select(e => (e.Epoch, e.Attempt)));
        Assert.NotNull(epochs[2].RankingDistance);
        Assert.Equal(expected, (await resumed.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).Select(c => c.Architecture));
    }
}
