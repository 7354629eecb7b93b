using System.Text.RegularExpressions;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Tests.RabbitMq;
using Mnas.Store.Postgres;
using Mnas.Store.Tests.Postgres;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A campaign of 48 children across three <c>mnas worker</c> processes (the simulated trainer: 2.5 s a child) and two
/// <c>mnas controller</c> processes, over the broker and a PostgreSQL store, while the cluster is hurt as it runs:
/// workers killed outright six times, one stopped gracefully, the leading controller killed outright twice, the broker
/// restarted once. Every loss is replaced by a new process. At the end every child is done or failed with its reason,
/// each counted once; the campaign finished exactly its budget; the graceful stop cost no attempt.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ChaosTests(RabbitMqBroker broker, ITestOutputHelper log) : IAsyncLifetime
{
    private const int Children = 48;
    private const string CampaignId = "chaos";
    private readonly string data = Directory.CreateTempSubdirectory("mnas-chaos-").FullName;
    private readonly RabbitMqOptions rabbitMq = broker.ForTest();
    private readonly List<MnasProcess> workers = [];
    private readonly List<MnasProcess> controllers = [];
    private readonly List<MnasProcess> ended = [];
    private PostgresTestDatabase database = null!;
    private PostgresCampaignStore reader = null!;
    private string[] settings = [];
    private int started;

    public async Task InitializeAsync()
    {
        database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        reader = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = database.ConnectionString });
        settings =
        [
            "store=postgres", $"store.postgres.connection_string={database.ConnectionString}", "leases.heartbeat_seconds=0.5",
            "leases.grace_seconds=6", "worker.trainer=simulated", "worker.simulated_seconds=2.5", "worker.slots=1",
        ];
    }

    public async Task DisposeAsync()
    {
        foreach (var process in workers.Concat(controllers).Concat(ended))
        {
            await process.DisposeAsync();
        }
        log.WriteLine(Outputs());
        await reader.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [PrivateBrokerFact(Timeout = 600_000)]
    public async Task a_campaign_survives_killed_workers_killed_leaders_a_graceful_stop_and_a_broker_restart_and_counts_every_child_once()
    {
        var random = new Random(20261124);
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: chaos\nreward:\n  latency_target_ms: 15\n");
        await using (var submit = MnasProcess.Start("submit", rabbitMq, Path.Combine(data, "submit"), settings,
                         "--spec", spec, "--children", $"{Children}", "--minibatch", "4", "--workers", "3", "--id", CampaignId))
        {
            Assert.Equal(0, await submit.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        controllers.Add(StartController());
        controllers.Add(StartController());
        for (var i = 0; i < 3; i++)
        {
            workers.Add(StartWorker());
        }

        await AtProgress(3, () => KillWorkerAsync(random));
        await AtProgress(7, KillLeaderAsync);
        await AtProgress(11, () => KillWorkerAsync(random));
        var terminated = await AtProgress(15, () => TerminateWorkerAsync(random));
        await AtProgress(19, async () =>
        {
            log.WriteLine($"{Time}: restarting the broker");
            await broker.RestartAsync();
            log.WriteLine($"{Time}: the broker is back");
        });
        await AtProgress(23, () => KillWorkerAsync(random));
        await AtProgress(27, KillLeaderAsync);
        await AtProgress(31, () => KillWorkerAsync(random));
        await AtProgress(35, () => KillWorkerAsync(random));
        await AtProgress(39, () => KillWorkerAsync(random));

        await Until(async () => (await reader.GetCampaignAsync(CampaignId))!.Status == CampaignStatus.Completed, TimeSpan.FromSeconds(300),
            "the campaign did not complete");

        var children = await reader.ListChildrenAsync(CampaignId);
        var events = await reader.ListEventsAsync(CampaignId, limit: 1000);
        foreach (var e in events)
        {
            log.WriteLine($"event {e.Id} {e.Kind}: {e.Message}");
        }

        // Every sequence of the budget sampled once, and each child finished: done, or failed saying why.
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), children.Select(c => c.Sequence));
        Assert.All(children, c => Assert.True(
            c.Status == ChildStatus.Done || (c.Status == ChildStatus.Failed && !string.IsNullOrWhiteSpace(c.FailureReason)),
            $"child {c.Sequence} is {c.Status} ({c.FailureReason})"));
        Assert.Equal(Children, children.Count(c => c.Status is ChildStatus.Done or ChildStatus.Failed));

        // Each child's result was accepted exactly once: one done-or-failed event per sequence, matching its status.
        var finishes = events.Where(e => e.Kind is "done" or "failed" or "reused").Select(e => (e.Kind, Sequence: ChildOf(e.Message))).ToList();
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), finishes.Select(f => f.Sequence).Order());
        Assert.All(finishes, f => Assert.Equal(
            children[(int)f.Sequence - 1].Status == ChildStatus.Failed ? "failed" : f.Kind == "reused" ? "reused" : "done", f.Kind));

        // The workers killed outright cost attempts (their children came back after the lease); the graceful stop
        // handed its child back, and that attempt was not counted as failed.
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains("lost", StringComparison.Ordinal));
        var handedBack = events.Where(e => e.Kind == "released" && e.Message.Contains($"worker {terminated}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(handedBack);
        Assert.DoesNotContain(events, e => e.Message.Contains($"worker {terminated} lost", StringComparison.Ordinal));
        foreach (var release in handedBack)
        {
            var (sequence, attempt) = (ChildOf(release.Message), AttemptOf(release.Message));
            Assert.DoesNotContain(events, e => e.Kind is "retry" or "failed" && ChildOf(e.Message) == sequence && AttemptOf(e.Message) == attempt);
        }

        // Both killed leaders were replaced by a standby that led from the last checkpoint.
        Assert.True(controllers.Concat(ended).Count(c => c.Output.Contains("controller: leading", StringComparison.Ordinal)) >= 3,
            "three controllers should have led in turn");
        Assert.NotNull(await reader.GetLatestCheckpointAsync(CampaignId));
        foreach (var process in controllers.Concat(workers))
        {
            Assert.DoesNotContain("stopped:", process.Output);
        }
    }

    private string Time => DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private MnasProcess StartController() =>
        MnasProcess.Start("controller", rabbitMq, Path.Combine(data, $"c{Interlocked.Increment(ref started)}"), settings);

    private MnasProcess StartWorker() => MnasProcess.Worker(rabbitMq, Path.Combine(data, $"w{Interlocked.Increment(ref started)}"), settings);

    private async Task KillWorkerAsync(Random random)
    {
        var victim = await ReadyWorkerAsync(random);
        log.WriteLine($"{Time}: kill -9 worker {WorkerIdOf(victim)}");
        await victim.KillAsync();
        Replace(workers, victim, StartWorker());
    }

    private async Task<string> TerminateWorkerAsync(Random random)
    {
        var victim = await ReadyWorkerAsync(random);
        var id = WorkerIdOf(victim);
        log.WriteLine($"{Time}: SIGTERM worker {id}");
        Assert.Equal(0, await victim.TerminateAsync(TimeSpan.FromSeconds(60)));
        Replace(workers, victim, StartWorker());
        return id;
    }

    /// <summary>One of the workers that have started (a replacement may still be starting), chosen at random.</summary>
    private async Task<MnasProcess> ReadyWorkerAsync(Random random)
    {
        List<MnasProcess> ready = [];
        await Until(() => Task.FromResult((ready = workers.Where(w => WorkerReady().IsMatch(w.Output)).ToList()).Count > 0), TimeSpan.FromSeconds(60),
            "no worker is ready");
        return ready[random.Next(ready.Count)];
    }

    private async Task KillLeaderAsync()
    {
        var leader = await LeaderAsync();
        log.WriteLine($"{Time}: kill -9 the leading controller");
        await leader.KillAsync();
        Replace(controllers, leader, StartController());
    }

    /// <summary>The controller that says it leads last (a standby says so only once it has taken over).</summary>
    private async Task<MnasProcess> LeaderAsync()
    {
        MnasProcess? leader = null;
        await Until(() => Task.FromResult((leader = controllers.FirstOrDefault(c => !c.HasExited && Leads(c))) != null), TimeSpan.FromSeconds(60),
            "no controller leads");
        return leader!;
    }

    private static bool Leads(MnasProcess controller)
    {
        var output = controller.Output;
        var leading = output.LastIndexOf("controller: leading", StringComparison.Ordinal);
        return leading >= 0 && leading > output.LastIndexOf("controller: standby", StringComparison.Ordinal);
    }

    private void Replace(List<MnasProcess> processes, MnasProcess old, MnasProcess replacement)
    {
        processes[processes.IndexOf(old)] = replacement;
        ended.Add(old);
    }

    /// <summary>Runs <paramref name="hurt"/> once at least <paramref name="finished"/> children have finished.</summary>
    private async Task<T> AtProgress<T>(int finished, Func<Task<T>> hurt)
    {
        await Until(async () =>
        {
            var counts = await reader.CountChildrenByStatusAsync(CampaignId);
            return counts[ChildStatus.Done] + counts[ChildStatus.Failed] >= finished;
        }, TimeSpan.FromSeconds(180), $"fewer than {finished} children finished");
        return await hurt();
    }

    private Task AtProgress(int finished, Func<Task> hurt) => AtProgress(finished, async () =>
    {
        await hurt();
        return 0;
    });

    private async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"{what} within {limit.TotalSeconds} s:\n{Outputs()}");
            }
            await Task.Delay(250);
        }
    }

    private string Outputs() => string.Join("\n", controllers.Concat(workers).Concat(ended).Select((p, i) => $"--- process {i}:\n{p.Output}"));

    private static string WorkerIdOf(MnasProcess worker)
    {
        var match = WorkerReady().Match(worker.Output);
        return match.Success ? match.Groups[1].Value : "(not ready yet)";
    }

    private static long ChildOf(string message) => long.Parse(ChildNumber().Match(message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int AttemptOf(string message) =>
        AttemptNumber().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^worker (\S+): ", RegexOptions.Multiline)]
    private static partial Regex WorkerReady();

    [GeneratedRegex(@"child (\d+)")]
    private static partial Regex ChildNumber();

    [GeneratedRegex(@"attempt (\d+)")]
    private static partial Regex AttemptNumber();
}
