using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;
using Mnas.Grains.Workers;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// What happens to a child when its worker dies or stops (workers in this process, each with a grain of its own,
/// announcing themselves every 100 ms): a killed worker's child goes to another worker once the directory finds it gone
/// and the attempt counts; a worker stopping gracefully hands its child back at once and the attempt does not count.
/// </summary>
public sealed class WorkerFailureTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-workers-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(CampaignHost Host, Campaign Campaign)> Start(FakeTrainer trainer, int maxAttempts = 3)
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, Workers = 1, MaxAttempts = maxAttempts,
            AnnounceInterval = TimeSpan.FromMilliseconds(100),
        };
        var host = await CampaignHost.StartAsync(options, _ => trainer);
        var campaign = new Campaign("c1", "test", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0, CampaignStatus.Running,
            DateTimeOffset.UnixEpoch);
        await host.Store.CreateCampaignAsync(campaign);
        return (host, campaign);
    }

    private static Sample Random(ModelSpace space, int index) => space.Random(new Random(index));

    private static async Task WaitUntil(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5);
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            await Task.Delay(5);
        }
    }

    private static IWorkerDirectoryGrain Directory(CampaignHost host) => host.Grains.GetGrain<IWorkerDirectoryGrain>(0);

    private static ICampaignGrain Campaign(CampaignHost host) => host.Grains.GetGrain<ICampaignGrain>("c1");

    /// <summary>
    /// This process's worker, whose children never finish, and one more worker that holds each child until the slow one
    /// has its first (so the slow one surely gets one), then answers at once unless <paramref name="hold"/> holds the child longer.
    /// </summary>
    private async Task<(CampaignHost Host, Campaign Campaign, FakeTrainer Slow, FakeTrainer Other)> StartTwoWorkers(int maxAttempts = 3,
        Func<TrainChild, CancellationToken, Task>? hold = null)
    {
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new FakeTrainer
        {
            Delay = TimeSpan.FromSeconds(30),
            Received = (_, _, _) =>
            {
                slowStarted.TrySetResult();
                return Task.CompletedTask;
            },
        };
        var (host, campaign) = await Start(slow, maxAttempts);
        try
        {
            var other = new FakeTrainer
            {
                Received = async (request, _, cancellation) =>
                {
                    await slowStarted.Task.WaitAsync(cancellation);
                    await (hold?.Invoke(request, cancellation) ?? Task.CompletedTask);
                },
            };
            await host.StartWorkerAsync(1, other);
            await WaitUntil(async () => (await Directory(host).Census(null)).Slots == 2);
            return (host, campaign, slow, other);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs a campaign over <see cref="StartTwoWorkers"/>' workers; once the slow worker has its first child,
    /// <paramref name="stop"/> stops it. Returns that child's request and the other worker's trainer.
    /// </summary>
    private async Task<(CampaignHost Host, Campaign Campaign, TrainChild Stopped, FakeTrainer Other)> RunStoppingTheSlowWorker(
        Func<WorkerAgent, Task> stop, int children, int maxAttempts = 3)
    {
        var (host, campaign, slow, other) = await StartTwoWorkers(maxAttempts);
        try
        {
            var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(children, null));
            await WaitUntil(() => slow.Requests.Count == 1);
            var stopped = slow.Requests.Single();
            await stop(host.Worker);
            await run;
            return (host, campaign, stopped, other);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task a_killed_workers_child_is_retried_on_another_worker_once_the_directory_finds_it_gone_and_the_attempt_counts()
    {
        var (host, campaign, lost, other) = await RunStoppingTheSlowWorker(worker => worker.KillAsync(), children: 5);
        await using var _ = host;

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Equal(2, children.Single(c => c.Sequence == lost.Sequence).Attempts);
        Assert.Contains(other.Requests, r => r.Sequence == lost.Sequence && r.Attempt == 2);
        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains($"child {lost.Sequence} attempt 1") && e.Message.Contains("lost"));
        Assert.DoesNotContain((await Directory(host).Roster()).Workers, w => w.WorkerId == host.Worker.Id);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_killed_workers_late_result_is_refused_while_its_child_runs_again_elsewhere()
    {
        var retried = new TaskCompletionSource<TrainChild>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateAnswerSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (host, campaign, slow, _) = await StartTwoWorkers(hold: async (request, cancellation) =>
        {
            if (request.Attempt == 2)
            {
                retried.TrySetResult(request);
                await lateAnswerSent.Task.WaitAsync(cancellation);
            }
        });
        await using var _ = host;
        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(3, null));
        await WaitUntil(() => slow.Requests.Count == 1);
        var killed = host.Worker;
        var lost = slow.Requests.Single();

        await killed.KillAsync();
        var retry = await retried.Task;
        await Campaign(host).ChildEvaluated(new ChildEvaluated("c1", lost.Sequence, lost.Attempt, true, null, 0.99, 5, 1, 1, 1, 1, WorkerId: killed.Id));
        lateAnswerSent.SetResult();
        await run;

        Assert.Equal((lost.Sequence, 2), (retry.Sequence, retry.Attempt));
        var child = await host.Store.GetChildAsync(campaign.Id, lost.Sequence);
        Assert.Equal((ChildStatus.Done, 2), (child!.Status, child.Attempts));
        Assert.NotEqual(0.99, child.Metrics!.Accuracy);
        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Contains(events, e => e.Kind == "ignored" && e.Message.Contains($"child {lost.Sequence} attempt 1 from worker {killed.Id}"));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_worker_stopping_gracefully_hands_its_child_back_at_once_and_the_attempt_does_not_count()
    {
        var (host, campaign, handedBack, other) = await RunStoppingTheSlowWorker(worker => worker.StopAsync(), children: 5);
        await using var _ = host;

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.All(children, c => Assert.Equal(1, c.Attempts));
        Assert.Contains(other.Requests, r => r.Sequence == handedBack.Sequence && r.Attempt == 1);
        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Contains(events, e => e.Kind == "released" && e.Message.Contains($"child {handedBack.Sequence} attempt 1"));
        Assert.DoesNotContain(events, e => e.Kind == "retry");
    }

    [Fact(Timeout = 60_000)]
    public async Task a_child_whose_workers_keep_dying_fails_with_the_reason_after_its_last_attempt_and_the_campaign_goes_on()
    {
        var (host, campaign, lost, _) = await RunStoppingTheSlowWorker(worker => worker.KillAsync(), children: 4, maxAttempts: 1);
        await using var _ = host;

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        var failed = children.Single(c => c.Sequence == lost.Sequence);
        Assert.Equal(ChildStatus.Failed, failed.Status);
        Assert.Contains("lost", failed.FailureReason);
        Assert.Equal(3, children.Count(c => c.Status == ChildStatus.Done));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_result_for_an_attempt_that_is_no_longer_current_is_ignored_and_recorded()
    {
        var (host, campaign) = await Start(new FakeTrainer { Delay = TimeSpan.FromMilliseconds(300) });
        await using var _ = host;
        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(2, null));
        await WaitUntil(async () => (await Campaign(host).Activity()).Running == 1);

        await Campaign(host).ChildEvaluated(new ChildEvaluated("c1", 1, 7, true, null, 0.9, 5, 1, 1, 1, 1));
        await run;

        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Contains(events, e => e.Kind == "ignored" && e.Message.Contains("child 1 attempt 7"));
        var child = await host.Store.GetChildAsync(campaign.Id, 1);
        Assert.Equal(1, child!.Attempts);
        Assert.NotEqual(0.9, child.Metrics!.Accuracy);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_result_the_store_refuses_counts_as_a_failed_attempt_and_the_child_is_tried_again()
    {
        var (host, campaign) = await Start(new FakeTrainer { Delay = TimeSpan.FromMilliseconds(300) });
        await using var _ = host;
        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(1, null));
        await WaitUntil(async () => (await Campaign(host).Activity()).Running == 1);

        // A worker answers first, with a negative latency.
        await Campaign(host).ChildEvaluated(new ChildEvaluated("c1", 1, 1, true, null, 0.9, -5, 1, 1, 1, 1));
        await run;

        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains("child 1 attempt 1") && e.Message.Contains("unusable"));
        var child = await host.Store.GetChildAsync(campaign.Id, 1);
        Assert.Equal((ChildStatus.Done, 2), (child!.Status, child.Attempts));
        Assert.True(double.IsFinite(child.Metrics!.LatencyMs));
    }

    [Fact(Timeout = 60_000)]
    public async Task an_assignment_delivered_twice_runs_once_and_a_stray_hand_back_leaves_the_running_child_alone()
    {
        var trainer = new FakeTrainer { Delay = TimeSpan.FromMilliseconds(400) };
        var (host, campaign) = await Start(trainer);
        await using var _ = host;
        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(2, null));
        await WaitUntil(() => trainer.Requests.Count == 1);
        var first = trainer.Requests.Single();

        // The assignment is made again (a call sent again after a lost response); and a hand-back of it arrives from a worker it is not given to.
        Assert.Equal(Assignment.AlreadyRunning, await host.Grains.GetGrain<IWorkerGrain>(host.Worker.Id).Assign(first));
        await Campaign(host).ChildReleased(new ChildReleased(first.CampaignId, first.Sequence, first.Attempt, "ghost", "the worker has no free slot"));
        await run;

        Assert.Single(trainer.Requests, r => r.Sequence == first.Sequence);
        var events = await host.Store.ListEventsAsync(campaign.Id);
        Assert.DoesNotContain(events, e => e.Kind == "released");
        Assert.Contains(events, e => e.Kind == "ignored" && e.Message.Contains("from worker ghost"));
        Assert.All(await host.Store.ListChildrenAsync(campaign.Id), c => Assert.Equal((ChildStatus.Done, 1), (c.Status, c.Attempts)));
    }
}
