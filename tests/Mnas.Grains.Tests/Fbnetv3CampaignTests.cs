using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;

namespace Mnas.Grains.Tests;

/// <summary>
/// FBNetV3 campaigns in the runtime: the strategy's children (every coarse round's and the final ones) are ordinary
/// child jobs, each named with its recipe and sent with the spec that recipe gives; the architectures the strategy
/// considers are costed by the campaign's latency table, whose missing operators one job times on a worker and the
/// store keeps; every step of the search is recorded; a campaign whose silo died goes on to the same children. The
/// children here are trained by the fake trainer and the operators timed by the simulated runner's function of their
/// multiply-adds (real timing is tested in <see cref="OperatorTimingTests"/>); the predictor is the real one.
/// </summary>
public sealed class Fbnetv3CampaignTests : IAsyncLifetime
{
    private const string Strategy = "fbnetv3";
    private readonly TemporaryDirectories directories = new("mnas-fbnetv3");

    internal static readonly CampaignSpec Spec = new()
    {
        Name = "fbnetv3",
        Target = new TargetSpec { Input = new InputShape(3, 32, 32), Classes = 10 },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(16, 2, 1)], HeadChannels = 32 },
        Fbnetv3 = new Fbnetv3Spec
        {
            HiddenUnits = 8, PretrainArchitectures = 16, PretrainEpochs = 3, PredictorEpochs = 8, FrozenEpochs = 2, Rounds = 2, ChildrenPerRound = 2,
            Pool = 12, Population = 6, TopK = 3, MaxIterations = 2, FinalChildren = 1,
        },
    };

    private static int Children => Spec.Fbnetv3.TrainedChildren();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        directories.Dispose();
        return Task.CompletedTask;
    }

    private static RuntimeOptions Options(string data, int slots = 1, int maxAttempts = 3) =>
        new() { DataDirectory = data, Workers = slots, MaxAttempts = maxAttempts };

    internal static Campaign Campaign(string id = Strategy, CampaignSpec? spec = null) => new(id, Strategy, CampaignSpecWriter.ToJson(spec ?? Spec),
        new CampaignSettings(Strategy, MaxChildren: Children).ToJson(), 7, CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    internal static Task<Campaign> RunAsync(CampaignHost host, string id = Strategy, CancellationToken cancellation = default, CampaignSpec? spec = null)
    {
        var settings = new CampaignSettings(Strategy, MaxChildren: Children);
        return host.Runner.RunAsync(id, StrategyFactory.Create(settings, 7, spec ?? Spec), settings.Budget, cancellation: cancellation);
    }

    [Fact(Timeout = 120_000)]
    public async Task each_child_trains_by_the_recipe_its_name_carries_on_either_worker_and_the_search_and_latency_table_are_kept()
    {
        // The first two children are held until both run: with one slot per worker, on two workers.
        var bothRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var trainer = new FakeTrainer
        {
            Received = async (_, number, cancellation) =>
            {
                if (number == 2)
                {
                    bothRunning.TrySetResult();
                }
                if (number <= 2)
                {
                    await bothRunning.Task.WaitAsync(cancellation);
                }
            },
        };
        await using var host = await CampaignHost.StartAsync(Options(directories.New()), _ => trainer);
        await host.StartWorkerAsync(1, trainer);
        await host.Store.CreateCampaignAsync(Campaign());

        var finished = await RunAsync(host);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var children = (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.True(trainer.Requests.Select(r => r.WorkerId).Distinct().Count() == 2, "the children ran on both workers");
        var architectures = CampaignArchitectures.For(Spec, Strategy);
        var recipes = children.ToDictionary(c => c.Sequence, c => RecipeChildName.Parse(c.Architecture).Recipe);
        Assert.True(recipes.Values.Distinct().Count() > 1, "the children's recipes are searched, not one for all");
        Assert.All(trainer.Requests, r =>
        {
            var child = children.Single(c => c.Sequence == r.Sequence);
            Assert.Equal(ArchitectureFile.ToJson(architectures.Target(child.Architecture)), r.ArchitectureJson);
            var trainedBy = CampaignSpecLoader.FromJson(r.SpecJson);
            Assert.Equal(recipes[r.Sequence].ApplyTo(Spec.Proxy), trainedBy.Proxy);
            Assert.Equal(recipes[r.Sequence], Recipe.Of(trainedBy));
            Assert.Equal(CampaignSpecWriter.ToJson(Spec with { Proxy = trainedBy.Proxy }), CampaignSpecWriter.ToJson(trainedBy));
        });

        var rounds = (await host.Store.ListSearchRoundsAsync(Strategy)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        Assert.Equal(Enumerable.Range(1, rounds.Count), rounds.Select(r => r.Round));
        Assert.Equal(SearchRound.Pretrain, rounds[0].Stage);
        Assert.Equal(Spec.Fbnetv3.Rounds, rounds.Count(r => r.Stage == SearchRound.Coarse));
        Assert.Contains(rounds, r => r.Stage == SearchRound.Fine);
        Assert.Equal(SearchRound.Final, rounds[^1].Stage);
        // What the strategy got back of each child is what it measured.
        var points = rounds.Where(r => r.Stage is SearchRound.Coarse or SearchRound.Final).SelectMany(r => r.Points).ToList();
        Assert.Equal(children.Select(c => c.Sequence), points.Select(p => p.Sequence).Order());
        Assert.All(points, p => Assert.Equal(children.Single(c => c.Sequence == p.Sequence).Metrics!.Accuracy, p.Measured));
        var events = await host.Store.ListEventsAsync(Strategy, limit: 1000);
        Assert.Equal(rounds.Count, events.Count(e => e.Kind == "search"));

        // Every operator of every trained architecture is in the table, timed once, with the value the worker answered.
        var table = await host.Store.GetLatencyTableAsync(Strategy);
        var timed = trainer.LatencyTableRequests.SelectMany(r => r.OperatorKeys!).ToList();
        Assert.Equal(timed.Count, timed.Distinct().Count());
        Assert.Equal(timed.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        Assert.All(trainer.LatencyTableRequests, r =>
        {
            Assert.Equal((ChildJob.LatencyTable, TrainChild.LatencyTableSequence), (r.Job, r.Sequence));
            Assert.All(SimulatedChildRunner.OperatorLatencies(r), e => Assert.Equal(e.Value, table[e.Key]));
        });
        Assert.All(children, c => Assert.All(NetworkOperators.Keys(architectures.Target(c.Architecture)), k => Assert.True(table.ContainsKey(k), k)));
    }

    [Fact(Timeout = 180_000)]
    public async Task a_campaign_whose_silo_died_goes_on_to_the_children_of_an_uninterrupted_run_timing_no_operator_again()
    {
        IReadOnlyList<string> expected;
        await using (var host = await CampaignHost.StartAsync(Options(directories.New(), slots: 2), _ => new FakeTrainer()))
        {
            await host.Store.CreateCampaignAsync(Campaign());
            await RunAsync(host);
            expected = (await host.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).Select(c => c.Architecture).ToList();
        }

        var data = directories.New();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new FakeTrainer
        {
            // The first child of the second round never finishes: the silo dies under it.
            Received = async (_, number, cancellation) =>
            {
                if (number == Spec.Fbnetv3.ChildrenPerRound + 1)
                {
                    held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
            },
        };
        IReadOnlyDictionary<string, double> tableBefore;
        await using (var host = await CampaignHost.StartAsync(Options(data, slots: 2), _ => first))
        {
            await host.Store.CreateCampaignAsync(Campaign());
            using var kill = new CancellationTokenSource();
            var run = RunAsync(host, cancellation: kill.Token);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await SiloDeath.KillAsync(host, kill, run);
            tableBefore = await host.Store.GetLatencyTableAsync(Strategy);
        }
        Assert.NotEmpty(tableBefore);

        var second = new FakeTrainer();
        await using var resumed = await CampaignHost.StartAsync(Options(data, slots: 2), _ => second);
        var finished = await RunAsync(resumed);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        Assert.Equal(expected, (await resumed.Store.ListChildrenAsync(Strategy)).OrderBy(c => c.Sequence).Select(c => c.Architecture));
        Assert.DoesNotContain(second.Requests, r => r.Sequence <= Spec.Fbnetv3.ChildrenPerRound);
        Assert.All(second.LatencyTableRequests, r => Assert.All(r.OperatorKeys!, k => Assert.False(tableBefore.ContainsKey(k), k)));
    }

    [Fact(Timeout = 120_000)]
    public async Task a_latency_table_job_that_failed_is_timed_again_and_the_campaign_goes_on()
    {
        var trainer = new FakeTrainer { OperatorTimingFails = r => r.Attempt == 1 };
        await using var host = await CampaignHost.StartAsync(Options(directories.New(), slots: 2), _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign());

        var finished = await RunAsync(host);

        Assert.Equal(CampaignStatus.Completed, finished.Status);
        var requests = trainer.LatencyTableRequests.ToList();
        Assert.Equal(requests[0].OperatorKeys, requests[1].OperatorKeys);
        Assert.Equal([1, 2], requests.Take(2).Select(r => r.Attempt));
        Assert.Contains(await host.Store.ListEventsAsync(Strategy, limit: 1000), e => e.Kind == "retry" && e.Message.Contains("scripted failure"));
        Assert.Equal(Children, (await host.Store.ListChildrenAsync(Strategy, ChildStatus.Done)).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_latency_table_job_that_fails_every_attempt_fails_the_campaign_with_the_reason()
    {
        var trainer = new FakeTrainer { OperatorTimingFails = _ => true };
        await using var host = await CampaignHost.StartAsync(Options(directories.New(), maxAttempts: 2), _ => trainer);
        await host.Store.CreateCampaignAsync(Campaign());

        var error = await Assert.ThrowsAsync<LatencyTableFailedException>(() => RunAsync(host));

        Assert.Contains("scripted failure", error.Message);
        Assert.Equal(CampaignStatus.Failed, (await host.Store.GetCampaignAsync(Strategy))!.Status);
        Assert.Equal(2, trainer.LatencyTableRequests.Count);
        Assert.Empty(await host.Store.ListChildrenAsync(Strategy));
        Assert.Empty(await host.Store.GetLatencyTableAsync(Strategy));
        Assert.Contains(await host.Store.ListEventsAsync(Strategy, limit: 1000), e => e.Kind == "latency-table-failed");
    }
}
