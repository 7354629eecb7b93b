using Mnas.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.Grains.Workers;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// An FBNetV3 campaign's latency table job when its worker goes (two workers of the target's device class, announcing
/// every 100 ms, the first job held by whichever took it): a killed worker's job is timed again on the other once the
/// directory finds it gone, as the next attempt; a worker stopping gracefully hands it back and the other times it as
/// the same attempt. Either way the campaign goes on to its children.
/// </summary>
public sealed class LatencyTableJobTests : IAsyncLifetime
{
    private const string Edge = "edge";
    private readonly TemporaryDirectories directories = new("mnas-latency-table");

    private static readonly CampaignSpec Spec = Fbnetv3CampaignTests.Spec with { Target = Fbnetv3CampaignTests.Spec.Target with { DeviceClass = Edge } };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        directories.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the campaign; once one edge worker holds the first latency table job, <paramref name="stop"/> stops that worker.</summary>
    private async Task<(CampaignHost Host, FakeTrainer Edges, WorkerAgent Stopped)> RunStoppingTheTimingWorker(Func<WorkerAgent, Task> stop)
    {
        var edges = new FakeTrainer
        {
            OperatorTimingStarting = (_, number, cancellation) => number == 1 ? Task.Delay(Timeout.Infinite, cancellation) : Task.CompletedTask,
        };
        var options = new RuntimeOptions { DataDirectory = directories.New(), Workers = 1, AnnounceInterval = TimeSpan.FromMilliseconds(100) };
        var host = await CampaignHost.StartAsync(options, _ => new FakeTrainer());
        try
        {
            WorkerAgent[] agents = [await host.StartWorkerAsync(1, edges, Edge), await host.StartWorkerAsync(1, edges, Edge)];
            await host.Store.CreateCampaignAsync(Fbnetv3CampaignTests.Campaign(spec: Spec));
            var run = Fbnetv3CampaignTests.RunAsync(host, spec: Spec);
            while (edges.LatencyTableRequests.Count == 0)
            {
                await Task.Delay(5);
            }
            var timing = agents.Single(a => a.Id == edges.LatencyTableRequests.Single().WorkerId);
            await stop(timing);
            Assert.Equal(CampaignStatus.Completed, (await run).Status);
            return (host, edges, timing);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task a_killed_workers_operators_are_timed_by_the_other_as_the_next_attempt()
    {
        var (host, edges, killed) = await RunStoppingTheTimingWorker(worker => worker.KillAsync());
        await using var _ = host;

        var requests = edges.LatencyTableRequests.ToList();
        Assert.Equal((1, killed.Id), (requests[0].Attempt, requests[0].WorkerId));
        Assert.Equal(2, requests[1].Attempt);
        Assert.NotEqual(killed.Id, requests[1].WorkerId);
        Assert.Equal(requests[0].OperatorKeys, requests[1].OperatorKeys);
        Assert.All(requests, r => Assert.Equal(Edge, r.DeviceClass));
        var events = await host.Store.ListEventsAsync("fbnetv3", limit: 1000);
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains("lost"));
        Assert.Equal(Fbnetv3CampaignTests.Spec.Fbnetv3.TrainedChildren(), (await host.Store.ListChildrenAsync("fbnetv3", ChildStatus.Done)).Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task a_stopping_workers_operators_are_handed_back_and_timed_by_the_other_as_the_same_attempt()
    {
        var (host, edges, stopped) = await RunStoppingTheTimingWorker(worker => worker.StopAsync());
        await using var _ = host;

        var requests = edges.LatencyTableRequests.ToList();
        Assert.Equal((1, stopped.Id), (requests[0].Attempt, requests[0].WorkerId));
        Assert.Equal(1, requests[1].Attempt);
        Assert.NotEqual(stopped.Id, requests[1].WorkerId);
        Assert.Equal(requests[0].OperatorKeys, requests[1].OperatorKeys);
        var events = await host.Store.ListEventsAsync("fbnetv3", limit: 1000);
        Assert.Contains(events, e => e.Kind == "released" && e.Message.Contains("latency table"));
        Assert.DoesNotContain(events, e => e.Kind == "retry");
    }
}
