using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.Store.Postgres;
using Mnas.Store.Tests.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A cluster of one test's own: a PostgreSQL database of its own on the test server (the store, and the cluster's
/// membership and reminders), a scratch directory, and the <c>mnas</c> processes the test starts on it — each with a
/// silo and gateway port of its own, advertised on loopback. Disposing it kills whatever still runs, drops the
/// database and removes the directory — unless <c>MNAS_KEEP_CLUSTER</c> is set, to read the processes' logs afterwards.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private const string KeepVariable = "MNAS_KEEP_CLUSTER";
    private readonly List<MnasProcess> processes = [];
    private ClusterClient? client;
    private readonly ITestOutputHelper log;
    private int started;

    private TestCluster(PostgresTestDatabase database, PostgresCampaignStore store, string directory, ITestOutputHelper log) =>
        (Database, Store, Directory, this.log) = (database, store, directory, log);

    public PostgresTestDatabase Database { get; }

    /// <summary>The test's own view of the store.</summary>
    public PostgresCampaignStore Store { get; }

    public string Directory { get; }

    /// <summary>Every process started, in order, those that ended included.</summary>
    public IReadOnlyList<MnasProcess> Processes
    {
        get
        {
            lock (processes)
            {
                return processes.ToList();
            }
        }
    }

    /// <summary>What every process of the cluster is given: the store and the cluster's membership in the test's database, free ports.</summary>
    public IReadOnlyList<string> Settings =>
    [
        "store=postgres", $"store.postgres.connection_string={ConnectionString}", "cluster.silo_port=0", "cluster.gateway_port=0",
        "cluster.advertised_address=127.0.0.1",
    ];

    /// <summary>
    /// The test database with each process's connection pools capped: left at the driver's default, the membership and
    /// reminder providers of a silo keep 20 to 30 connections open, and a few silos take every connection a default
    /// server allows (100), after which silos fail to start and reminders to load.
    /// </summary>
    private string ConnectionString => new NpgsqlConnectionStringBuilder(Database.ConnectionString) { MaxPoolSize = 4 }.ConnectionString;

    public static async Task<TestCluster> CreateAsync(string name, ITestOutputHelper log)
    {
        var database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        var store = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = database.ConnectionString });
        return new TestCluster(database, store, System.IO.Directory.CreateTempSubdirectory($"Mnas.Cluster.Tests-{name}-").FullName, log);
    }

    public MnasProcess StartController(params string[] settings) => Start("controller", settings);

    public MnasProcess StartWorker(params string[] settings) => Start("worker", settings);

    /// <summary>Waits until <paramref name="process"/> says it is ready (its silo runs); fails if it ends first.</summary>
    public async Task<MnasProcess> ReadyAsync(MnasProcess process, TimeSpan? limit = null)
    {
        await Until(() => Task.FromResult(process.IsReady || process.HasExited), limit ?? TimeSpan.FromSeconds(150), $"{process.Name} is not ready");
        Assert.True(process.IsReady, $"{process.Name} ended before it was ready:\n{process.Output}");
        return process;
    }

    /// <summary>Whether the cluster's membership table has declared the silo on <paramref name="port"/> dead.</summary>
    public async Task<bool> DeclaredDeadAsync(int port) =>
        await Database.ScalarAsync($"SELECT COUNT(*) FROM mnas.orleans_membership WHERE port = {port} AND status = {(int)SiloStatus.Dead};") is 1L;

    /// <summary>Records a campaign with <c>mnas submit</c> (the spec as YAML, then its command-line options).</summary>
    public async Task SubmitAsync(string campaignId, string specYaml, params string[] arguments)
    {
        var spec = Path.Combine(Directory, $"{campaignId}.yaml");
        await File.WriteAllTextAsync(spec, specYaml);
        await using var submit = MnasProcess.Start("submit", "submit", Path.Combine(Directory, $"submit-{campaignId}"), Settings,
            ["--spec", spec, "--id", campaignId, .. arguments]);
        Assert.True(await submit.WaitAsync(TimeSpan.FromSeconds(60)) == 0, $"mnas submit failed:\n{submit.Output}");
    }

    /// <summary>A client of the cluster in the test's own process, as the API is one: it finds the gateways in the membership table.</summary>
    public async Task<IGrainFactory> GrainsAsync()
    {
        if (client == null)
        {
            client = await ClusterClient.StartAsync(new ClusterSettings
            {
                Membership = ClusterSettings.Postgres,
                ConnectionString = PostgresClusterTables.ConnectionStringFor(new PostgresStoreOptions { ConnectionString = ConnectionString }),
            }, CancellationToken.None);
            // It connects in the background; until it has the cluster's grain types, it cannot name a grain.
            await Until(() => Task.FromResult(Names(client.Grains)), TimeSpan.FromSeconds(60), "the client did not connect to the cluster");
        }

        return client.Grains;
    }

    private static bool Names(IGrainFactory grains)
    {
        try
        {
            grains.GetGrain<IWorkerDirectoryGrain>(0);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The worker that says (in its announcements to the directory) it runs the attempt; null while none does or the cluster does not answer.</summary>
    public async Task<string?> RunnerAsync(string campaignId, long sequence, int attempt)
    {
        try
        {
            var workers = (await (await GrainsAsync()).GetGrain<IWorkerDirectoryGrain>(0).Roster()).Workers;
            return workers.FirstOrDefault(w => w.Running.Any(r => r.CampaignId == campaignId && r.Sequence == sequence && r.Attempt == attempt && !r.Finished))?.WorkerId;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Every event of the campaign, in order.</summary>
    public async Task<IReadOnlyList<CampaignEvent>> EventsAsync(string campaignId)
    {
        var events = new List<CampaignEvent>();
        while (true)
        {
            var page = await Store.ListEventsAsync(campaignId, events.Count > 0 ? events[^1].Id : 0, Mnas.Store.StoreRules.MaxEventPage);
            events.AddRange(page);
            if (page.Count < Mnas.Store.StoreRules.MaxEventPage)
            {
                return events;
            }
        }
    }

    public async Task<bool> CompletedAsync(string campaignId) => (await Store.GetCampaignAsync(campaignId))?.Status == CampaignStatus.Completed;

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> and every process's output when the limit passes.</summary>
    public async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"{what} within {limit.TotalSeconds} s:\n{Outputs()}");
            }

            await Task.Delay(200);
        }
    }

    public void Say(string line) => log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    public string Outputs() => string.Join("\n", Processes.Select(p => $"--- {p.Name}{(p.HasExited ? " (ended)" : "")}:\n{p.Output}"));

    private MnasProcess Start(string role, string[] settings)
    {
        var number = Interlocked.Increment(ref started);
        var name = $"{role} {number}";
        var process = MnasProcess.Start(name, role, Path.Combine(Directory, $"{role}-{number}"), [.. Settings, .. settings]);
        lock (processes)
        {
            processes.Add(process);
        }

        return process;
    }

    public async ValueTask DisposeAsync()
    {
        if (client != null)
        {
            await client.DisposeAsync();
        }

        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }

        await Store.DisposeAsync();
        if (Environment.GetEnvironmentVariable(KeepVariable) is { Length: > 0 })
        {
            log.WriteLine($"kept for inspection: {Directory} and the database {Database.Name}");
            return;
        }

        await Database.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
