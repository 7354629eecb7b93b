using System.Collections.Concurrent;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// MemNAS campaigns in the runtime, their children really trained (the worker pipeline on a small Fashion-MNIST subset,
/// one epoch): the first base and every round's top k are ordinary child jobs, every step of the search is recorded, and a
/// campaign whose silo died after its first round goes on to the children of an uninterrupted run.
/// </summary>
public sealed class MemnasCampaignTests : IAsyncLifetime
{
    private const string Strategy = "memnas";
    private readonly TemporaryDirectories directories = new("mnas-memnas");

    private static readonly CampaignSpec Spec = new()
    {
        Name = "memnas",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 1, 2), new(24, 2, 2)], HeadChannels = 32 },
        Proxy = new ProxySpec { Epochs = 1, BatchSize = 32, TrainSubsetSize = 2000, ValidationFraction = 0.01 },
        Memnas = new MemnasSpec { Rounds = 2, TopK = 2, Patience = 2, HiddenUnits = 8, ControllerEpochs = 10 },
    };

    private static int Children => Spec.Memnas.TrainedChildren();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        directories.Dispose();
        return Task.CompletedTask;
    }

    // One child at a time on one thread: each trains exactly as it would in any other run.
    private static RuntimeOptions Options(string data) =>
        new() { DataDirectory = data, Workers = 1, ThreadsPerWorker = 1, LatencyRuns = 3, LatencyWarmup = 1, MaxAttempts = 2 };

    private static Campaign Campaign() => new(Strategy, Strategy, CampaignSpecWriter.ToJson(Spec), new CampaignSettings(Strategy, MaxChildren: Children).ToJson(), 7,
        CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    private static Task<Campaign> RunAsync(CampaignHost host, CancellationToken cancellation = default)
    {
        var settings = new CampaignSettings(Strategy, MaxChildren: Children);
        return host.Runner.RunAsync(Strategy, StrategyFactory.Create(settings, 7, Spec), settings.Budget, cancellation: cancellation);
    }

    private static async Task<IReadOnlyList<string>> ChildrenAsync(CampaignHost host) =>
        (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).Select(c => c.Architecture).ToList();

    [Fact(Timeout = 180_000)]
    public async Task a_campaign_trains_its_base_then_each_rounds_top_k_and_records_every_step()
    {
        var trainer = new ObservedTrainer(Options(directories.New()));
        await using var host = await CampaignHost.StartAsync(trainer.Runtime, _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign());

        var finished = await RunAsync(host);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var children = (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        var space = new ModelSpace(Spec);
        Assert.Equal(NamedSamples.Resolve(space, Spec.Memnas.Base).Canonical, children[0].Architecture);
        // Trained for real: each child's architecture is its sample's target view, and it learned something.
        Assert.All(trainer.Requests, r => Assert.Equal(ArchitectureFile.ToJson(space.Freeze(space.Parse(children.Single(c => c.Sequence == r.Sequence).Architecture))),
            r.ArchitectureJson));
        Assert.All(children, c => Assert.InRange(c.Metrics!.Accuracy, 0.15, 1.0));

        var rounds = (await host.Store.ListSearchRoundsAsync(Strategy)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        Assert.Equal([SearchRound.BaseTrained, SearchRound.GrowTrim, SearchRound.GrowTrim], rounds.Select(r => r.Stage));
        Assert.Equal([1, 2, 3], rounds.Select(r => r.Round));
        Assert.Equal((1L, children[0].Metrics!.Accuracy), (rounds[0].Base!.Sequence, rounds[0].Base!.Accuracy));
        var trained = rounds.Skip(1).SelectMany(r => r.Candidates!).Where(c => c.Sequence is not null).ToList();
        Assert.Equal(children.Skip(1).Select(c => c.Sequence), trained.Select(c => c.Sequence!.Value).Order());
        Assert.All(trained, c => Assert.Equal(children.Single(child => child.Sequence == c.Sequence).Metrics!.Accuracy, c.Accuracy));
        Assert.All(trained, c => Assert.NotNull(c.Measured));
        Assert.Equal(rounds[1].NextBase ?? rounds[1].Base, rounds[2].Base);
        Assert.Equal(["prior", "controller"], rounds.Skip(1).Select(r => r.RankedBy));
        var events = await host.Store.ListEventsAsync(Strategy, limit: 1000);
        Assert.Equal(rounds.Count, events.Count(e => e.Kind == "search"));
        Assert.Contains(events, e => e.Kind == "search" && e.Message.Contains("grow-trim round 2"));
    }

    [Fact(Timeout = 300_000)]
    public async Task a_campaign_whose_silo_died_after_its_first_round_goes_on_to_the_children_of_an_uninterrupted_run()
    {
        IReadOnlyList<string> expected;
        var whole = new ObservedTrainer(Options(directories.New()));
        await using (var host = await CampaignHost.StartAsync(whole.Runtime, _ => whole))
        {
            await host.Store.CreateCampaignAsync(Campaign());
            await RunAsync(host);
            expected = await ChildrenAsync(host);
        }
        Assert.Equal(Children, expected.Count);

        // The first child of the second round never finishes: the silo dies under it, after the first round's checkpoint.
        var firstOfRoundTwo = 2 + Spec.Memnas.TopK;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var data = directories.New();
        var first = new ObservedTrainer(Options(data))
        {
            Received = async (request, cancellation) =>
            {
                if (request.Sequence == firstOfRoundTwo)
                {
                    held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
            },
        };
        await using (var host = await CampaignHost.StartAsync(first.Runtime, _ => first))
        {
            await host.Store.CreateCampaignAsync(Campaign());
            using var kill = new CancellationTokenSource();
            var run = RunAsync(host, kill.Token);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(120));
            await SiloDeath.KillAsync(host, kill, run);
            Assert.Equal(2, (await host.Store.ListSearchRoundsAsync(Strategy)).Count);
        }

        var second = new ObservedTrainer(Options(data));
        await using var resumed = await CampaignHost.StartAsync(second.Runtime, _ => second);
        var finished = await RunAsync(resumed);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        Assert.Equal(expected, await ChildrenAsync(resumed));
        Assert.Equal(Enumerable.Range(firstOfRoundTwo, Children - firstOfRoundTwo + 1).Select(s => (long)s), second.Requests.Select(r => r.Sequence).Order());
        var rounds = (await resumed.Store.ListSearchRoundsAsync(Strategy)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        Assert.Equal([SearchRound.BaseTrained, SearchRound.GrowTrim, SearchRound.GrowTrim], rounds.Select(r => r.Stage));
    }

    /// <summary>
    /// The real worker pipeline (<see cref="PipelineChildRunner"/>), with each training request recorded and, when asked,
    /// held before it trains (lets a test kill a silo under a child).
    /// </summary>
    private sealed class ObservedTrainer(RuntimeOptions runtime) : IChildRunner
    {
        private readonly PipelineChildRunner pipeline = new(runtime);
        private readonly ConcurrentQueue<TrainChild> requests = new();

        public RuntimeOptions Runtime => runtime;

        public IReadOnlyCollection<TrainChild> Requests => requests;

        public Func<TrainChild, CancellationToken, Task>? Received { get; init; }

        public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
        {
            requests.Enqueue(request);
            if (Received != null)
            {
                await Received(request, cancellation);
            }
            return await pipeline.RunAsync(request, cancellation);
        }

        public Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation) => pipeline.MeasureLatencyAsync(request, cancellation);

        public Task<Dictionary<string, double>> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation) =>
            pipeline.TimeOperatorsAsync(request, cancellation);
    }
}
