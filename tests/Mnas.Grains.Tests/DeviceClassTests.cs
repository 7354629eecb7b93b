using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests;

/// <summary>
/// Device classes (workers in this process, each with a grain of its own): a campaign that names the device class of its
/// latency has every child's latency measured by a worker of that class, while training runs on any worker; a campaign
/// that names none has each child evaluated whole by one worker. A job whose class has no live worker waits for one, and
/// the campaign says so in its activity.
/// </summary>
public sealed class DeviceClassTests : IAsyncLifetime
{
    private const string Edge = "edge-npu";
    private const double EdgeLatency = 3.25;
    private const double CpuLatency = 99;
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-devices-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(data, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A host whose own worker is of class cpu (its device would measure <see cref="CpuLatency"/>), with a campaign of <paramref name="spec"/>.</summary>
    private async Task<(CampaignHost Host, Campaign Campaign)> Start(FakeTrainer cpu, CampaignSpec spec)
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, Workers = 1, DeviceClass = "cpu",
            AnnounceInterval = TimeSpan.FromMilliseconds(100),
        };
        var host = await CampaignHost.StartAsync(options, _ => cpu);
        var campaign = new Campaign("c1", "test", CampaignSpecWriter.ToJson(spec), "scripted", 0, CampaignStatus.Running, DateTimeOffset.UnixEpoch);
        await host.Store.CreateCampaignAsync(campaign);
        return (host, campaign);
    }

    private static Sample Random(ModelSpace space, int index) => space.Random(new Random(index));

    private static CampaignSpec OnEdge => new() { Target = new TargetSpec { DeviceClass = Edge } };

    private static FakeTrainer Trainer(double latency) => new() { Delay = TimeSpan.FromMilliseconds(30), Latency = _ => latency };

    [Fact(Timeout = 60_000)]
    public async Task latency_is_measured_only_on_the_campaigns_device_class_and_training_runs_on_any_worker()
    {
        var cpu = Trainer(CpuLatency);
        var edge = Trainer(EdgeLatency);
        var (host, campaign) = await Start(cpu, OnEdge);
        await using var _ = host;
        await host.StartWorkerAsync(1, edge, Edge);

        await host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(12, null));

        var children = await host.Store.ListChildrenAsync(campaign.Id);
        Assert.Equal(12, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.All(children, c => Assert.Equal(EdgeLatency, c.Metrics!.LatencyMs));
        Assert.Empty(cpu.LatencyRequests);
        var measured = edge.LatencyRequests.Select(r => r.Sequence).Order().ToList();
        var trained = cpu.Requests.Concat(edge.Requests).ToList();
        Assert.Equal(measured, trained.Select(r => r.Sequence).Order());
        Assert.All(edge.LatencyRequests, r => Assert.Equal((ChildJob.Latency, Edge), (r.Job, r.DeviceClass)));
        Assert.All(trained, r => Assert.Equal((ChildJob.Train, EdgeLatency), (r.Job, r.LatencyMs)));
        Assert.NotEmpty(cpu.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task without_a_device_class_each_child_is_evaluated_whole_by_one_worker()
    {
        var cpu = Trainer(CpuLatency);
        var other = Trainer(EdgeLatency);
        var (host, campaign) = await Start(cpu, new CampaignSpec());
        await using var _ = host;
        await host.StartWorkerAsync(1, other, Edge);

        await host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(8, null));

        Assert.Empty(cpu.LatencyRequests.Concat(other.LatencyRequests));
        Assert.All(cpu.Requests.Concat(other.Requests), r => Assert.Equal(ChildJob.Evaluate, r.Job));
        Assert.Equal(8, cpu.Requests.Count + other.Requests.Count);
        Assert.All(await host.Store.ListChildrenAsync(campaign.Id), c => Assert.Equal(ChildStatus.Done, c.Status));
    }

    [Fact(Timeout = 60_000)]
    public async Task latency_waits_for_a_worker_of_the_class_and_the_campaign_says_so()
    {
        var cpu = Trainer(CpuLatency);
        var edge = Trainer(EdgeLatency);
        var (host, campaign) = await Start(cpu, OnEdge);
        await using var _ = host;

        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(4, null));
        var activity = await WaitingAsync(host, campaign.Id);

        Assert.Equal("no live worker of device class edge-npu: its jobs wait for one", activity.Waiting);
        Assert.Equal((1, 0), (activity.Queued, activity.Running));
        Assert.Empty(cpu.Requests);
        Assert.Empty(cpu.LatencyRequests);
        Assert.Equal(activity.Waiting, (await host.Store.ListEventsAsync(campaign.Id)).Single(e => e.Kind == "waiting").Message);

        await host.StartWorkerAsync(1, edge, Edge);
        await run;

        Assert.All(await host.Store.ListChildrenAsync(campaign.Id), c => Assert.Equal(EdgeLatency, c.Metrics!.LatencyMs));
        Assert.Equal(4, edge.LatencyRequests.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task training_waits_for_a_worker_of_the_proxy_class_and_proposes_nothing_until_one_joins()
    {
        var cpu = Trainer(CpuLatency);
        var trainer = Trainer(EdgeLatency);
        var (host, campaign) = await Start(cpu, new CampaignSpec { Proxy = new ProxySpec { DeviceClass = Edge } });
        await using var _ = host;

        var run = host.Runner.RunAsync(campaign.Id, new ScriptedStrategy(Random), new CampaignBudget(3, null));
        var activity = await WaitingAsync(host, campaign.Id);

        Assert.Equal("no live worker of device class edge-npu", activity.Waiting);
        Assert.Equal(0, await host.Store.GetMaxSequenceAsync(campaign.Id));
        Assert.Empty(cpu.Requests);

        await host.StartWorkerAsync(1, trainer, Edge);
        await run;

        Assert.Equal(3, trainer.Requests.Count);
        Assert.All(trainer.Requests, r => Assert.Equal(Edge, r.DeviceClass));
        Assert.Empty(cpu.Requests);
        Assert.All(await host.Store.ListChildrenAsync(campaign.Id), c => Assert.Equal(ChildStatus.Done, c.Status));
    }

    private static ICampaignGrain Grain(CampaignHost host, string campaignId) => host.Grains.GetGrain<ICampaignGrain>(campaignId);

    /// <summary>The campaign's activity once it says it waits for workers.</summary>
    private static async Task<CampaignActivity> WaitingAsync(CampaignHost host, string campaignId)
    {
        while (true)
        {
            var activity = await Grain(host, campaignId).Activity();
            if (activity.State == CampaignActivity.WaitingForWorkers)
            {
                return activity;
            }
            await Task.Delay(10);
        }
    }
}
