using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Store.Postgres;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;

namespace Mnas.Store.Tests.Postgres;

/// <summary>
/// Orleans silos on the cluster tables that migration 5 creates, through Orleans' own ADO.NET
/// membership and reminder providers: in the default schema and in another one (in a database
/// where no other schema exists, so nothing can be found anywhere else).
/// </summary>
public sealed class ClusterTablesTests
{
    private const string OtherSchema = "cluster_elsewhere";

    [Theory(Timeout = 120_000)]
    [InlineData(PostgresStoreOptions.DefaultSchema)]
    [InlineData(OtherSchema)]
    public async Task two_silos_form_one_cluster_and_the_other_sees_one_that_stops_leave(string schema)
    {
        await using var database = await MigratedDatabaseAsync(schema);
        var connectionString = PostgresClusterTables.ConnectionStringFor(Options(database, schema));
        var clusterId = $"cluster-{Guid.NewGuid():N}";

        await using var first = await Silo.StartAsync(connectionString, clusterId, reminders: false);
        await using var second = await Silo.StartAsync(connectionString, clusterId, reminders: false);

        await EventuallyAsync(
            () => first.StatusOf(second.Address) == SiloStatus.Active && second.StatusOf(first.Address) == SiloStatus.Active,
            "each silo sees the other active");
        Assert.Equal(
            2L,
            await database.ScalarAsync($"SELECT COUNT(*) FROM {schema}.orleans_membership WHERE deployment_id = '{clusterId}' AND status = 3;"));

        await second.StopAsync();

        await EventuallyAsync(() => first.StatusOf(second.Address) == SiloStatus.Dead, "the remaining silo sees the stopped one dead");
        Assert.Equal(
            (int)SiloStatus.Dead,
            await database.ScalarAsync(
                $"SELECT status FROM {schema}.orleans_membership WHERE deployment_id = '{clusterId}' AND port = {second.Address.Endpoint.Port};"));
        Assert.Equal(SiloStatus.Active, first.StatusOf(first.Address));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(PostgresStoreOptions.DefaultSchema)]
    [InlineData(OtherSchema)]
    public async Task a_reminder_a_grain_registers_is_in_the_reminder_table_until_the_grain_unregisters_it(string schema)
    {
        await using var database = await MigratedDatabaseAsync(schema);
        var connectionString = PostgresClusterTables.ConnectionStringFor(Options(database, schema));
        await using var silo = await Silo.StartAsync(connectionString, $"cluster-{Guid.NewGuid():N}", reminders: true);
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderKeeperGrain>("keeper");
        var table = silo.Services.GetRequiredService<IReminderTable>();

        await grain.RegisterAsync("nightly", TimeSpan.FromMinutes(10));

        Assert.True(await grain.HasAsync("nightly"));
        var row = await table.ReadRow(grain.GetGrainId(), "nightly");
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.Equal("nightly", Assert.Single((await table.ReadRows(grain.GetGrainId())).Reminders).ReminderName);
        var hash = grain.GetGrainId().GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.ReminderName == "nightly");
        Assert.Contains((await table.ReadRows(0, 0)).Reminders, r => r.ReminderName == "nightly");
        Assert.DoesNotContain((await table.ReadRows(hash, hash + 1)).Reminders, r => r.ReminderName == "nightly");
        Assert.Equal(1L, await database.ScalarAsync($"SELECT COUNT(*) FROM {schema}.orleans_reminders WHERE reminder_name = 'nightly';"));

        await grain.RegisterAsync("nightly", TimeSpan.FromMinutes(20));
        var changed = await table.ReadRow(grain.GetGrainId(), "nightly");
        Assert.Equal(TimeSpan.FromMinutes(20), changed!.Period);
        Assert.NotEqual(row.ETag, changed.ETag);
        Assert.False(await table.RemoveRow(grain.GetGrainId(), "nightly", row.ETag!), "a stale etag removed the reminder");

        await grain.UnregisterAsync("nightly");

        Assert.False(await grain.HasAsync("nightly"));
        Assert.Null(await table.ReadRow(grain.GetGrainId(), "nightly"));
        Assert.Equal(0L, await database.ScalarAsync($"SELECT COUNT(*) FROM {schema}.orleans_reminders;"));
    }

    [Fact(Timeout = 60_000)]
    public async Task of_silos_joining_on_the_same_version_exactly_one_succeeds_and_a_stale_version_changes_nothing()
    {
        await using var database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        var table = MembershipTable(PostgresClusterTables.ConnectionStringFor(Options(database, PostgresStoreOptions.DefaultSchema)), "contended");
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var version = (await table.ReadAllAsync()).Version;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var joins = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await table.InsertRowAsync(Entry(11_000 + i), version);
        })).ToArray();
        start.SetResult();
        var joined = await Task.WhenAll(joins);

        Assert.Single(joined, ok => ok);
        var after = await table.ReadAllAsync();
        var member = Assert.Single(after.Members).Item1;
        Assert.Equal(version.Version + 1, after.Version.Version);
        Assert.False(await table.InsertRowAsync(Entry(12_000), version), "a silo joined on a stale version");
        Assert.False(await table.InsertRowAsync(member, after.Version), "a silo joined twice");

        member.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(member, version.VersionEtag, version), "a stale version changed a silo");
        Assert.Equal(SiloStatus.Joining, Assert.Single((await table.ReadAllAsync()).Members).Item1.Status);
        Assert.True(await table.UpdateRowAsync(member, after.Version.VersionEtag, after.Version));
        var dead = await table.ReadRowAsync(member.SiloAddress);
        Assert.Equal(SiloStatus.Dead, Assert.Single(dead.Members).Item1.Status);
        Assert.Equal(version.Version + 2, dead.Version.Version);

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Empty((await table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task migrating_puts_the_cluster_tables_in_the_store_schema_only()
    {
        await using var database = await MigratedDatabaseAsync(OtherSchema);

        foreach (var table in new[] { "orleansquery", "orleans_membership_versions", "orleans_membership", "orleans_reminders" })
        {
            Assert.Equal(
                OtherSchema,
                await database.ScalarAsync($"SELECT string_agg(table_schema, ',') FROM information_schema.tables WHERE table_name = '{table}';"));
        }

        Assert.Equal(17L, await database.ScalarAsync($"SELECT COUNT(*) FROM {OtherSchema}.orleansquery;"));
    }

    [Fact]
    public void the_connection_string_is_the_store_database_with_the_store_schema_as_search_path()
    {
        var options = new PostgresStoreOptions
        {
            ConnectionString = "Host=db;Port=5433;Database=mnas;Username=mnas;Password=secret;Search Path=public",
            Schema = "mnas_blue",
            CommandTimeout = TimeSpan.FromSeconds(12.5),
        };

        var built = new Npgsql.NpgsqlConnectionStringBuilder(PostgresClusterTables.ConnectionStringFor(options));

        Assert.Equal(("db", 5433, "mnas", "mnas", "secret"), (built.Host, built.Port, built.Database, built.Username, built.Password));
        Assert.Equal("mnas_blue", built.SearchPath);
        Assert.Equal(13, built.CommandTimeout);
        Assert.Equal("Npgsql", PostgresClusterTables.Invariant);
        Assert.Contains(
            PostgresStoreOptionsValidator.SchemaSetting,
            Assert.Throws<ArgumentException>(() => PostgresClusterTables.ConnectionStringFor(options with { Schema = "Not A Schema" })).Message);
    }

    [Theory]
    [InlineData("Host=db;Database=mnas", PostgresClusterTables.DefaultMaxPoolSize)]
    [InlineData("Host=db;Database=mnas;Maximum Pool Size=12", 12)]
    [InlineData("Host=db;Database=mnas;MaxPoolSize=30", 30)]
    public void the_providers_pool_is_small_unless_the_connection_string_sizes_it(string connectionString, int expected)
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(PostgresClusterTables.ConnectionStringFor(new PostgresStoreOptions { ConnectionString = connectionString }));

        Assert.Equal(expected, built.MaxPoolSize);
    }

    /// <summary>Orleans' ADO.NET membership table on its own, as a silo's membership service drives it.</summary>
    private static AdoNetClusteringTable MembershipTable(string connectionString, string clusterId) =>
        new(
            new ServiceCollection().BuildServiceProvider(),
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "mnas-store-tests" }),
            Microsoft.Extensions.Options.Options.Create(new AdoNetClusteringSiloOptions { Invariant = PostgresClusterTables.Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Entry(int port)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
            SiloName = $"silo-{port}",
            HostName = "localhost",
            Status = SiloStatus.Joining,
            ProxyPort = 0,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    private static PostgresStoreOptions Options(PostgresTestDatabase database, string schema) =>
        new() { ConnectionString = database.ConnectionString, Schema = schema };

    /// <summary>The default schema comes from the migrated template; another is migrated into an empty database by opening a store on it.</summary>
    private static async Task<PostgresTestDatabase> MigratedDatabaseAsync(string schema)
    {
        if (schema == PostgresStoreOptions.DefaultSchema)
        {
            return await PostgresTestServer.CreateMigratedDatabaseAsync();
        }

        var database = await PostgresTestServer.CreateEmptyDatabaseAsync();
        await (await PostgresCampaignStore.OpenAsync(Options(database, schema))).DisposeAsync();
        return database;
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 30 s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>One silo in this process, on free loopback ports, with membership probed and the table re-read every second.</summary>
    private sealed class Silo(IHost host) : IAsyncDisposable
    {
        private bool stopped;

        public IServiceProvider Services => host.Services;

        public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        public static async Task<Silo> StartAsync(string connectionString, string clusterId, bool reminders)
        {
            var (siloPort, gatewayPort) = FreePorts();
            var host = new HostBuilder()
                .UseOrleans(silo =>
                {
                    silo.UseAdoNetClustering(o =>
                        {
                            o.Invariant = PostgresClusterTables.Invariant;
                            o.ConnectionString = connectionString;
                        })
                        .Configure<ClusterOptions>(o =>
                        {
                            o.ClusterId = clusterId;
                            o.ServiceId = "mnas-store-tests";
                        })
                        .Configure<EndpointOptions>(o =>
                        {
                            o.AdvertisedIPAddress = IPAddress.Loopback;
                            o.SiloPort = siloPort;
                            o.GatewayPort = gatewayPort;
                        })
                        .Configure<ClusterMembershipOptions>(o =>
                        {
                            o.ProbeTimeout = TimeSpan.FromSeconds(1);
                            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(1);
                            o.NumMissedProbesLimit = 2;
                            o.NumVotesForDeathDeclaration = 1;
                        });
                    if (reminders)
                    {
                        silo.UseAdoNetReminderService(o =>
                        {
                            o.Invariant = PostgresClusterTables.Invariant;
                            o.ConnectionString = connectionString;
                        });
                    }
                })
                .Build();
            try
            {
                await host.StartAsync();
                return new Silo(host);
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }

        /// <summary>The status of <paramref name="silo"/> in this silo's current view of the cluster (None when it is not in it).</summary>
        public SiloStatus StatusOf(SiloAddress silo) =>
            Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.TryGetValue(silo, out var member)
                ? member.Status
                : SiloStatus.None;

        public async Task StopAsync()
        {
            if (!stopped)
            {
                stopped = true;
                await host.StopAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync();
            }
            finally
            {
                host.Dispose();
            }
        }

        /// <summary>Two ports no one listens on now: both sockets stay bound until both are chosen, so they differ.</summary>
        private static (int, int) FreePorts()
        {
            using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            second.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return (((IPEndPoint)first.LocalEndPoint!).Port, ((IPEndPoint)second.LocalEndPoint!).Port);
        }
    }
}

/// <summary>A grain that keeps reminders on request, for <see cref="ClusterTablesTests"/>; they are due long after any test ends.</summary>
[Alias("Mnas.Store.Tests.Postgres.IReminderKeeperGrain")]
public interface IReminderKeeperGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string name, TimeSpan period);

    [Alias("Has")]
    Task<bool> HasAsync(string name);

    [Alias("Unregister")]
    Task UnregisterAsync(string name);
}

public sealed class ReminderKeeperGrain : Grain, IReminderKeeperGrain, IRemindable
{
    public async Task RegisterAsync(string name, TimeSpan period) => await this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), period);

    public async Task<bool> HasAsync(string name) => await this.GetReminder(name) is not null;

    public async Task UnregisterAsync(string name) => await this.UnregisterReminder((await this.GetReminder(name))!);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
