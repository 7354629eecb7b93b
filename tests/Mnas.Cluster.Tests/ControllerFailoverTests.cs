using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Tests.RabbitMq;
using Mnas.Store.Postgres;
using Mnas.Store.Tests.Postgres;
using Mnas.Workers.Datasets;

namespace Mnas.Cluster.Tests;

/// <summary>
/// Two <c>mnas controller</c> processes and two <c>mnas worker</c> processes over the broker and a PostgreSQL store,
/// with real (tiny) training; a campaign is submitted with <c>mnas submit</c>. Killing the leading controller outright
/// mid-campaign hands the lead to the standby, which resumes from the last checkpoint and takes over the children
/// still running on workers: every child ends done, each sequence once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ControllerFailoverTests(RabbitMqBroker broker) : IAsyncLifetime
{
    private const int Children = 10;
    private readonly string data = Directory.CreateTempSubdirectory("mnas-failover-").FullName;
    private readonly RabbitMqOptions rabbitMq = broker.ForTest();
    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 420_000)]
    public async Task a_standby_controller_takes_over_when_the_leader_is_killed_and_the_campaign_completes()
    {
        DatasetFetcher.Fetch("fashion-mnist", DatasetCacheDirectory.Default());
        var store = new[] { "store=postgres", $"store.postgres.connection_string={database.ConnectionString}" };
        var common = new[] { "leases.heartbeat_seconds=1", "leases.grace_seconds=20", "latency.runs=3", "latency.warmup=1", "worker.threads=1" };
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: failover\nproxy:\n  epochs: 1\n  train_subset_size: 128\n  validation_fraction: 0.05\n");

        await using (var submit = MnasProcess.Start("submit", rabbitMq, Path.Combine(data, "submit"), store,
                         "--spec", spec, "--children", $"{Children}", "--minibatch", "2", "--workers", "2", "--id", "failover"))
        {
            Assert.Equal(0, await submit.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        await using var first = MnasProcess.Start("controller", rabbitMq, Path.Combine(data, "c1"), [.. store, .. common]);
        await using var second = MnasProcess.Start("controller", rabbitMq, Path.Combine(data, "c2"), [.. store, .. common]);
        await using var w1 = MnasProcess.Worker(rabbitMq, Path.Combine(data, "w1"), common);
        await using var w2 = MnasProcess.Worker(rabbitMq, Path.Combine(data, "w2"), common);
        await using var reader = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = database.ConnectionString });

        await Until(async () => (await reader.CountChildrenByStatusAsync("failover"))[ChildStatus.Done] >= 3, TimeSpan.FromSeconds(180),
            () => $"no 3 children done:\n{first.Output}\n{second.Output}\n{w1.Output}\n{w2.Output}");
        var leader = first.Output.Contains("controller: leading", StringComparison.Ordinal) ? first : second;
        var standby = leader == first ? second : first;
        await leader.KillAsync();

        await Until(async () => (await reader.GetCampaignAsync("failover"))!.Status == CampaignStatus.Completed, TimeSpan.FromSeconds(240),
            () => $"the campaign did not complete after the leader was killed:\n{standby.Output}\n{w1.Output}\n{w2.Output}");
        var children = await reader.ListChildrenAsync("failover");
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), children.Select(c => c.Sequence));
        Assert.All(children, c => Assert.True(c.Status == ChildStatus.Done, $"child {c.Sequence} is {c.Status}: {c.FailureReason}"));
        Assert.Contains("controller: leading", standby.Output);
        Assert.NotNull(await reader.GetLatestCheckpointAsync("failover"));
        // The children the dead leader had handed out kept running; the new leader took them over instead of sending them out again.
        var events = await reader.ListEventsAsync("failover", limit: 1000);
        Assert.Contains(events, e => e.Kind == "adopted");
        Assert.Equal(0, await standby.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await w1.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await w2.TerminateAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan limit, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, failure());
            await Task.Delay(250);
        }
    }
}
