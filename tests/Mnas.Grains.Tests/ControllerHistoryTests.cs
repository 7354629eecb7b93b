using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;

namespace Mnas.Grains.Tests;

/// <summary>What an RL campaign leaves for its dashboards: the controller's update history and each done child's training curve.</summary>
public sealed class ControllerHistoryTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-history-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    private static RlStrategy Strategy() => new(new ControllerOptions { MinibatchSize = 4, Seed = 7, HiddenSize = 16, EmbeddingSize = 16 });

    private static Campaign NewCampaign() =>
        new("history", "history", CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 7, CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    [Fact(Timeout = 60_000)]
    public async Task an_rl_campaign_records_each_controller_update_with_an_event_and_each_done_childs_curve()
    {
        await using var host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = 2 }, _ => new FakeTrainer());
        await host.Store.CreateCampaignAsync(NewCampaign());
        var reported = new List<ControllerUpdate>();
        var strategy = Strategy();
        strategy.Updated += reported.Add;

        await host.Runner.RunAsync("history", strategy, new CampaignBudget(12, null));

        var updates = await host.Store.ListControllerUpdatesAsync("history");
        Assert.Equal([1L, 2L, 3L], updates.Select(u => u.Version));
        Assert.All(updates, u => Assert.Equal(4, u.Children));
        Assert.Equal(reported.Select(u => u.MeanReward), updates.Select(u => u.MeanReward));
        Assert.Equal(reported.Select(u => u.BaselineBefore), updates.Select(u => u.Baseline));
        Assert.All(updates, u => Assert.True(u.Entropy > 0 && u.Entropy < reported[0].MeanEntropy, $"entropy per decision {u.Entropy}"));
        var events = await host.Store.ListEventsAsync("history", limit: 1000);
        Assert.Equal(
            ["controller update 1:", "controller update 2:", "controller update 3:"],
            events.Where(e => e.Kind == "controller").Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)] + ":"));

        var children = await host.Store.ListChildrenAsync("history", ChildStatus.Done);
        Assert.Equal(12, children.Count);
        foreach (var child in children)
        {
            var curve = await host.Store.GetChildCurveAsync("history", child.Sequence);
            Assert.Equal([1, 2, 3], curve.Select(e => e.Epoch));
            Assert.Equal(child.Metrics!.Accuracy, curve[^1].ValidationAccuracy);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task a_campaign_killed_and_resumed_records_each_update_once(int k)
    {
        var options = new RuntimeOptions { DataDirectory = data, Workers = 1 };
        await using (var host = await CampaignHost.StartAsync(options, _ => new FakeTrainer()))
        {
            await host.Store.CreateCampaignAsync(NewCampaign());
            using var kill = new CancellationTokenSource();
            var run = host.Runner.RunAsync("history", Strategy(), new CampaignBudget(12, null), cancellation: kill.Token);
            while (!run.IsCompleted && (await host.Store.CountChildrenByStatusAsync("history"))[ChildStatus.Done] < k)
            {
                await Task.Delay(1);
            }
            await SiloDeath.KillAsync(host, kill, run);
        }

        await using (var host = await CampaignHost.StartAsync(options, _ => new FakeTrainer()))
        {
            await host.Runner.RunAsync("history", Strategy(), new CampaignBudget(12, null));

            Assert.Equal([1L, 2L, 3L], (await host.Store.ListControllerUpdatesAsync("history")).Select(u => u.Version));
            Assert.Equal(3, (await host.Store.ListEventsAsync("history", limit: 1000)).Count(e => e.Kind == "controller"));
        }
    }
}
