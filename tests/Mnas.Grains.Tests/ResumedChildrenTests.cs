using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// What a resumed campaign does with a child that was training when its silo died and that no worker runs any more:
/// the lost attempt counts, as when a worker is lost under a running campaign, so the child is tried again only while
/// attempts remain and fails with the reason after its last one.
/// </summary>
public sealed class ResumedChildrenTests : IAsyncLifetime
{
    private const int Budget = 4;
    private const long Stranded = 2;
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-resumed-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    private static Sample Random(ModelSpace space, int index) => space.Random(new Random(index));

    private RuntimeOptions Options(int maxAttempts) => new() { DataDirectory = data, Workers = 1, MaxAttempts = maxAttempts };

    /// <summary>Runs the campaign until its second child trains on a worker that never finishes it, then kills the silo.</summary>
    private async Task StrandSecondChildAsync(int maxAttempts)
    {
        var trainer = new FakeTrainer
        {
            Received = (request, _, cancellation) => request.Sequence == Stranded ? Task.Delay(Timeout.Infinite, cancellation) : Task.CompletedTask,
        };
        await using var host = await CampaignHost.StartAsync(Options(maxAttempts), _ => trainer);
        await host.Store.CreateCampaignAsync(new Campaign("resumed", "resumed", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        using var kill = new CancellationTokenSource();
        var run = host.Runner.RunAsync("resumed", new ScriptedStrategy(Random), new CampaignBudget(Budget, null), cancellation: kill.Token);
        while ((await host.Store.GetChildAsync("resumed", Stranded))?.Status != ChildStatus.Training)
        {
            await Task.Delay(5);
        }
        await SiloDeath.KillAsync(host, kill, run);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_child_stranded_at_its_last_attempt_fails_on_resume_with_the_reason_instead_of_running_past_max_attempts()
    {
        await StrandSecondChildAsync(maxAttempts: 1);
        var trainer = new FakeTrainer();
        await using var host = await CampaignHost.StartAsync(Options(maxAttempts: 1), _ => trainer);

        await host.Runner.RunAsync("resumed", new ScriptedStrategy(Random), new CampaignBudget(Budget, null));

        var stranded = (await host.Store.GetChildAsync("resumed", Stranded))!;
        Assert.Equal((ChildStatus.Failed, 1), (stranded.Status, stranded.Attempts));
        Assert.Contains("no worker runs it any more", stranded.FailureReason);
        Assert.DoesNotContain(trainer.Requests, r => r.Sequence == Stranded);
        var children = await host.Store.ListChildrenAsync("resumed");
        Assert.Equal(Budget, children.Count);
        Assert.All(children.Where(c => c.Sequence != Stranded), c => Assert.Equal(ChildStatus.Done, c.Status));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_stranded_child_with_attempts_left_runs_again_as_its_next_attempt_on_resume()
    {
        await StrandSecondChildAsync(maxAttempts: 2);
        var trainer = new FakeTrainer();
        await using var host = await CampaignHost.StartAsync(Options(maxAttempts: 2), _ => trainer);

        await host.Runner.RunAsync("resumed", new ScriptedStrategy(Random), new CampaignBudget(Budget, null));

        var stranded = (await host.Store.GetChildAsync("resumed", Stranded))!;
        Assert.Equal((ChildStatus.Done, 2), (stranded.Status, stranded.Attempts));
        Assert.Equal([2], trainer.Requests.Where(r => r.Sequence == Stranded).Select(r => r.Attempt));
        var events = await host.Store.ListEventsAsync("resumed");
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains($"child {Stranded} attempt 1") && e.Message.Contains("no worker runs it any more"));
    }
}
