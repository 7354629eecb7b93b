using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

public sealed class CampaignRuntimeTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-grains-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(CampaignHost Host, Campaign Campaign)> Start(FakeTrainer trainer, int workers = 2)
    {
        var host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = workers, MaxAttempts = 2 }, _ => trainer);
        var campaign = new Campaign("c1", "test", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0, CampaignStatus.Running,
            DateTimeOffset.UnixEpoch);
        await host.Store.CreateCampaignAsync(campaign);
        return (host, campaign);
    }

    private static Sample Random(ModelSpace space, int index) => space.Random(new Random(index));

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_with_a_fake_trainer_evaluates_every_child_and_records_its_reward()
    {
        var trainer = new FakeTrainer();
        var (host, campaign) = await Start(trainer);
        await using var _ = host;
        var strategy = new ScriptedStrategy(Random);

        await host.Runner.RunAsync(campaign.Id, strategy, new CampaignBudget(6, null));

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.Equal(6, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Equal(6, strategy.Outcomes.Count);
        var spec = new CampaignSpec();
        foreach (var child in children)
        {
            Assert.Equal(spec.Reward.Reward(child.Metrics!.Accuracy, child.Metrics.LatencyMs), child.Reward);
            Assert.Equal(child.Reward, strategy.Outcomes.Single(o => o.Sequence == child.Sequence).Reward);
        }
        Assert.Equal(CampaignStatus.Completed, (await host.Store.GetCampaignAsync(campaign.Id))!.Status);
        await host.DisposeAsync();
        var log = string.Concat(Directory.GetFiles(Path.Combine(data, "logs")).Select(File.ReadAllText));
        Assert.Contains("child 6 done", log);
        Assert.Contains("budget spent, completed", log);
    }

    [Fact(Timeout = 60_000)]
    public async Task an_architecture_seen_before_reuses_its_result_instead_of_training_again()
    {
        var trainer = new FakeTrainer();
        var (host, campaign) = await Start(trainer, workers: 1);
        await using var _ = host;
        var strategy = new ScriptedStrategy((space, i) => space.Random(new Random(i % 2)));

        await host.Runner.RunAsync(campaign.Id, strategy, new CampaignBudget(4, null));

        Assert.Equal(2, trainer.Requests.Count);
        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.Equal(children[0].Reward, children[2].Reward);
        Assert.Equal(children[1].Reward, children[3].Reward);
        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Equal(2, events.Count(e => e.Kind == "reused"));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_failed_attempt_is_retried_and_a_child_failing_every_attempt_is_recorded_as_failed()
    {
        var trainer = new FakeTrainer { Fails = r => r.Sequence == 2 || (r.Sequence == 1 && r.Attempt == 1) };
        var (host, campaign) = await Start(trainer);
        await using var _ = host;
        var strategy = new ScriptedStrategy(Random);

        await host.Runner.RunAsync(campaign.Id, strategy, new CampaignBudget(3, null));

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.Equal((ChildStatus.Done, 2), (children[0].Status, children[0].Attempts));
        Assert.Equal((ChildStatus.Failed, 2, "scripted failure"), (children[1].Status, children[1].Attempts, children[1].FailureReason));
        var failed = strategy.Outcomes.Single(o => o.Sequence == 2);
        Assert.True(failed.Failed);
        Assert.Equal(0, failed.Reward);
    }

    [Fact(Timeout = 60_000)]
    public async Task the_simulated_trainer_named_in_the_settings_answers_every_child_with_metrics_fixed_by_its_architecture()
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, Workers = 2, Trainer = RuntimeOptions.SimulatedTrainer, SimulatedSeconds = TimeSpan.FromMilliseconds(20),
        };
        await using var host = await CampaignHost.StartAsync(options);
        await host.Store.CreateCampaignAsync(new Campaign("c1", "test", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        var strategy = new ScriptedStrategy((space, i) => space.Random(new Random(i % 3)));

        await host.Runner.RunAsync("c1", strategy, new CampaignBudget(5, null));

        var children = await host.Store.ListChildrenAsync("c1");
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.All(children, c => Assert.Equal(0.02, c.Metrics!.TrainSeconds, 6));
        // Children 1 and 4 share an architecture (the second reuses the first's result); different ones differ.
        Assert.Equal(children[0].Metrics, children[3].Metrics);
        Assert.NotEqual(children[0].Metrics!.Accuracy, children[1].Metrics!.Accuracy);
        Assert.Contains("trainer: must be pipeline or simulated (got 'fake')", (options with { Trainer = "fake" }).Validate());
    }
}
