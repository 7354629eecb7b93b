using Mnas.Campaigns;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>The runtime with its transport set to rabbitmq: the same campaign as in memory, through a real broker.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqCampaignTests(RabbitMqBroker broker) : IAsyncLifetime
{
    private const int Children = 8;
    private const string CampaignId = "rmq";
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-rabbitmq-{Guid.NewGuid():N}");
    private readonly RabbitMqOptions rabbitMq = broker.ForTest();
    private readonly List<string> queues = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await BrokerEntities.DeleteAsync(rabbitMq, queues);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<CampaignHost> Start(FakeTrainer trainer)
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data,
            Workers = 2,
            MaxAttempts = 2,
            Transport = RuntimeTransports.RabbitMq,
            RabbitMq = rabbitMq,
        };
        var host = await CampaignHost.StartAsync(options, _ => trainer);
        queues.AddRange([options.QueueName(RuntimeServiceCollectionExtensions.CoordinatorQueue), options.QueueName(WorkerIdentity.QueueName(host.Worker.Id))]);
        await host.Store.CreateCampaignAsync(new Campaign(CampaignId, "rabbitmq", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        return host;
    }

    private static ScriptedStrategy DistinctChildren() => new((space, i) => space.Random(new Random(i)));

    private static async Task AssertEveryChildDoneAndCountedOnce(CampaignHost host, ScriptedStrategy strategy)
    {
        var children = await host.Store.ListChildrenAsync(CampaignId);
        Assert.Equal(Children, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), strategy.Outcomes.Select(o => o.Sequence).Order());
        foreach (var child in children)
        {
            Assert.Equal(child.Reward, strategy.Outcomes.Single(o => o.Sequence == child.Sequence).Reward);
        }
        Assert.Equal(CampaignStatus.Completed, (await host.Store.GetCampaignAsync(CampaignId))!.Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_over_rabbitmq_evaluates_every_child_once_with_two_workers()
    {
        var trainer = new FakeTrainer();
        await using var host = await Start(trainer);
        var strategy = DistinctChildren();

        await host.Runner.RunAsync(CampaignId, strategy, new CampaignBudget(Children, null));

        await AssertEveryChildDoneAndCountedOnce(host, strategy);
        Assert.Equal(Children, trainer.Requests.Count);
    }

    [PrivateBrokerFact(Timeout = 90_000)]
    public async Task a_campaign_goes_on_when_the_broker_restarts_in_the_middle_and_counts_each_result_once()
    {
        // The third and fourth children are held in training (both workers busy) while the broker restarts.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 0;
        var trainer = new FakeTrainer
        {
            Received = async (_, number, _) =>
            {
                if (number is not (3 or 4))
                {
                    return;
                }
                if (Interlocked.Increment(ref holding) == 2)
                {
                    held.TrySetResult();
                }
                // Still training when the broker is back.
                await release.Task;
            },
        };
        await using var host = await Start(trainer);
        var strategy = DistinctChildren();

        var run = host.Runner.RunAsync(CampaignId, strategy, new CampaignBudget(Children, null));
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await broker.RestartAsync();
        release.SetResult();
        await run;

        await AssertEveryChildDoneAndCountedOnce(host, strategy);
        // The two children in training while the broker was away were answered once it was back: each
        // child trained once, and no attempt was spent on the restart.
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), trainer.Requests.Select(r => r.Sequence).Order());
        Assert.All(trainer.Requests, r => Assert.Equal(1, r.Attempt));
    }

    [Fact(Timeout = 60_000)]
    public async Task a_coordinator_without_a_worker_and_a_worker_that_does_not_coordinate_run_a_campaign_together()
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, MaxAttempts = 2, Transport = RuntimeTransports.RabbitMq, RabbitMq = rabbitMq,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200), LeaseGrace = TimeSpan.FromSeconds(5),
        };
        var trainer = new FakeTrainer();
        await using var coordinator = await CampaignHost.StartAsync(options with { Workers = 0 }, _ => trainer);
        await using var worker = await CampaignHost.StartAsync(options with { Workers = 3, Coordinates = false }, _ => trainer);
        queues.AddRange([options.QueueName(RuntimeServiceCollectionExtensions.CoordinatorQueue), options.QueueName(WorkerIdentity.QueueName(worker.Worker.Id))]);
        await coordinator.Store.CreateCampaignAsync(new Campaign(CampaignId, "rabbitmq", CampaignSpecWriter.ToJson(new CampaignSpec()), "scripted", 0,
            CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        var strategy = DistinctChildren();

        await coordinator.Runner.RunAsync(CampaignId, strategy, new CampaignBudget(Children, null));

        await AssertEveryChildDoneAndCountedOnce(coordinator, strategy);
        Assert.Equal(Children, trainer.Requests.Count);
        Assert.All(trainer.Requests, r => Assert.Equal(worker.Worker.Id, r.WorkerId));
        Assert.Equal(3, coordinator.Pool.LiveSlots);
        Assert.Throws<InvalidOperationException>(() => coordinator.Worker);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_gone_workers_queue_is_deleted_by_the_broker_once_unused_for_its_expiry()
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, Workers = 1, Coordinates = false, Transport = RuntimeTransports.RabbitMq,
            RabbitMq = rabbitMq with { WorkerQueueExpirySeconds = 1 },
        };
        string queue;
        await using (var worker = await CampaignHost.StartAsync(options, _ => new FakeTrainer()))
        {
            queue = options.QueueName(WorkerIdentity.QueueName(worker.Worker.Id));
            queues.Add(queue);
            Assert.True(await BrokerEntities.QueueExistsAsync(rabbitMq, queue));
        }

        // Looking at a queue counts as using it (it renews the expiry): look seldom.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"queue {queue} is still on the broker 30 s after its worker stopped");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        while (await BrokerEntities.QueueExistsAsync(rabbitMq, queue));
    }
}
