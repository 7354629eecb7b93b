using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;
using Npgsql;

namespace Mnas.Workers.Tests;

public sealed class HostSettingsTests : IDisposable
{
    private const string StoreConnection = "Host=db.internal;Port=5433;Database=mnas;Username=mnas;Password=secret";
    private readonly string directory = Directory.CreateTempSubdirectory("mnas-settings-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static HostSettings Load(string? file = null, string[]? sets = null, Dictionary<string, string?>? environment = null) =>
        HostSettings.Load(file, sets ?? [], environment ?? []);

    private string File(string json)
    {
        var path = Path.Combine(directory, "mnas.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void with_nothing_set_a_process_is_one_silo_of_its_own_on_free_ports_with_sqlite()
    {
        var settings = Load();

        Assert.Equal(HostSettings.Sqlite, settings.Store);
        Assert.Null(settings.Postgres);
        Assert.Equal(ClusterSettings.Localhost, settings.Cluster.Membership);
        Assert.Equal((0, 0), (settings.Cluster.SiloPort, settings.Cluster.GatewayPort));
        Assert.Null(settings.Cluster.ConnectionString);
        Assert.Empty(settings.Cluster.Gateways);
        Assert.False(settings.Cluster.Kubernetes);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Runtime.AnnounceInterval);
    }

    [Fact]
    public void a_file_the_environment_and_set_are_merged_in_rising_priority()
    {
        var file = File("""
            {
              "cluster": { "id": "blue", "silo_port": 11112, "gateway_port": 30001, "gateways": ["10.0.0.1:30000", "10.0.0.2:30000"] },
              "worker": { "slots": 2, "announce_seconds": 3 }
            }
            """);

        var settings = Load(file,
            [
                "worker.slots=4", "worker.trainer=simulated", "worker.simulated_seconds=0.25", "worker.announce_seconds=0.5",
                "cluster.gateway_port=30002", "cluster.service_id=mnas-prod", "cluster.advertised_address=10.0.0.7", "cluster.kubernetes=true",
                "cluster.probe_timeout_seconds=3", "cluster.missed_probes_limit=5", "cluster.shutdown_seconds=45",
            ],
            new() { ["MNAS_CLUSTER__SILO_PORT"] = "11113", ["MNAS_CLUSTER__GATEWAY_PORT"] = "30003", ["MNAS_WORKER__DEVICE_CLASS"] = "cuda" });

        Assert.Equal(4, settings.Runtime.Workers);
        Assert.Equal("cuda", settings.Runtime.DeviceClass);
        Assert.Equal("simulated", settings.Runtime.Trainer);
        Assert.Equal(TimeSpan.FromSeconds(0.25), settings.Runtime.SimulatedSeconds);
        Assert.Equal(TimeSpan.FromSeconds(0.5), settings.Runtime.AnnounceInterval);
        var cluster = settings.Cluster;
        Assert.Equal(("blue", "mnas-prod"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal((11113, 30002), (cluster.SiloPort, cluster.GatewayPort));
        Assert.Equal(["10.0.0.1:30000", "10.0.0.2:30000"], cluster.Gateways);
        Assert.Equal("10.0.0.7", cluster.AdvertisedAddress);
        Assert.True(cluster.Kubernetes);
        Assert.Equal((TimeSpan.FromSeconds(3), 5, TimeSpan.FromSeconds(45)), (cluster.ProbeTimeout, cluster.MissedProbesLimit, cluster.ShutdownTimeout));
    }

    [Fact]
    public void gateways_from_the_command_line_or_the_environment_are_one_comma_separated_value()
    {
        Assert.Equal(["127.0.0.1:30000", "127.0.0.1:30001"], Load(sets: ["cluster.gateways=127.0.0.1:30000, 127.0.0.1:30001"]).Cluster.Gateways);
        Assert.Equal(["10.1.2.3:30000"], Load(environment: new() { ["MNAS_CLUSTER__GATEWAYS"] = "10.1.2.3:30000" }).Cluster.Gateways);
    }

    [Fact]
    public void every_bad_or_unknown_setting_is_named_at_once()
    {
        var file = File("""{ "clsuter": { "id": "x" }, "transport": { "kind": "bus" }, "leases": { "grace_seconds": 1, "heartbeat_seconds": 2 } }""");

        var error = Assert.Throws<SettingsException>(() => Load(file,
            [
                "store=postgres", "worker.slot=3", "nonsense", "worker.trainer=fake", "worker.announce_seconds=0", "leases.grace_seconds=30",
                "cluster.membership=zookeeper", "cluster.silo_port=70000", "cluster.id=blue green", "cluster.advertised_address=pod-1",
                "cluster.gateways=nowhere", "cluster.kubernetes=maybe", "cluster.probe_timeout_seconds=90", "cluster.missed_probes_limit=0",
                "cluster.shutdown_seconds=3600",
            ],
            new() { ["MNAS_CLUSTER__GATEWAY_PORT"] = "abc" }));

        Assert.Contains("clsuter.id: unknown setting (in " + file + ")", error.Problems);
        Assert.Contains("transport.kind: unknown setting (in " + file + ")", error.Problems);
        Assert.Contains("leases.grace_seconds: unknown setting (in " + file + ")", error.Problems);
        Assert.Contains("leases.heartbeat_seconds: unknown setting (in " + file + ")", error.Problems);
        Assert.Contains("worker.slot: unknown setting (in --set)", error.Problems);
        Assert.Contains("leases.grace_seconds: unknown setting (in --set)", error.Problems);
        Assert.Contains("--set: expected key=value (got 'nonsense')", error.Problems);
        Assert.Contains("worker.trainer: must be pipeline or simulated (got 'fake')", error.Problems);
        Assert.Contains("worker.announce_seconds: must be a positive number of seconds, at most a year (got 0)", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("store.postgres.connection_string:", StringComparison.Ordinal));
        Assert.Contains("cluster.membership: must be localhost or postgres (got 'zookeeper')", error.Problems);
        Assert.Contains("cluster.silo_port: must be a port, 0 to 65535 (got 70000)", error.Problems);
        Assert.Contains("cluster.gateway_port: must be a whole number (got 'abc')", error.Problems);
        Assert.Contains("cluster.id: must be 1 to 150 letters, digits, '-', '_' or '.' (got 'blue green')", error.Problems);
        Assert.Contains("cluster.advertised_address: must be an IP address (got 'pod-1')", error.Problems);
        Assert.Contains("cluster.gateways: each must be address:port (got 'nowhere')", error.Problems);
        Assert.Contains("cluster.kubernetes: must be true or false (got 'maybe')", error.Problems);
        Assert.Contains("cluster.probe_timeout_seconds: must be above 0 and at most 60 (got 90)", error.Problems);
        Assert.Contains("cluster.missed_probes_limit: must be 1 to 10 (got 0)", error.Problems);
        Assert.Contains("cluster.shutdown_seconds: must be 1 to 1800 (got 3600)", error.Problems);
    }

    [Fact]
    public void a_silo_and_gateway_on_one_port_are_refused_by_name()
    {
        var error = Assert.Throws<SettingsException>(() => Load(sets: ["cluster.silo_port=20000", "cluster.gateway_port=20000"]));

        Assert.Equal("cluster.gateway_port: must differ from cluster.silo_port (both 20000)", Assert.Single(error.Problems));
    }

    [Fact]
    public void with_the_store_in_postgres_the_cluster_keeps_its_membership_there_under_the_stores_schema()
    {
        var settings = Load(sets: ["store=postgres", $"store.postgres.connection_string={StoreConnection}", "store.postgres.schema=mnas_blue"]);

        var cluster = settings.Cluster;
        Assert.Equal(ClusterSettings.Postgres, cluster.Membership);
        Assert.Equal((11111, 30000), (cluster.SiloPort, cluster.GatewayPort));
        var connection = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        Assert.Equal(("db.internal", 5433, "mnas", "mnas", "secret"),
            (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
        Assert.Equal("mnas_blue", connection.SearchPath);
        Assert.Equal("mnas-cluster", connection.ApplicationName);
    }

    [Fact]
    public void a_cluster_connection_string_or_localhost_membership_overrides_the_stores()
    {
        var store = new[] { "store=postgres", $"store.postgres.connection_string={StoreConnection}" };
        const string Own = "Host=membership.internal;Database=cluster;Username=orleans;Search Path=orleans";

        var own = Load(sets: [.. store, $"cluster.connection_string={Own}"]).Cluster;
        var local = Load(sets: [.. store, "cluster.membership=localhost"]).Cluster;

        Assert.Equal((ClusterSettings.Postgres, Own), (own.Membership, own.ConnectionString));
        Assert.Equal((ClusterSettings.Localhost, null, 0, 0), (local.Membership, local.ConnectionString, local.SiloPort, local.GatewayPort));
    }

    [Fact]
    public void postgres_membership_without_a_postgres_store_needs_a_connection_string_of_its_own()
    {
        var error = Assert.Throws<SettingsException>(() => Load(sets: ["cluster.membership=postgres"]));

        Assert.StartsWith("cluster.connection_string: postgres membership needs a connection string", Assert.Single(error.Problems));
    }

    [Fact]
    public void a_missing_or_broken_file_is_named()
    {
        var missing = Assert.Throws<SettingsException>(() => Load(Path.Combine(directory, "absent.json")));
        var broken = Assert.Throws<SettingsException>(() => Load(File("{ not json")));

        Assert.StartsWith("config: no file", Assert.Single(missing.Problems));
        Assert.StartsWith("config: '", Assert.Single(broken.Problems));
    }

    [Fact]
    public void the_api_listens_on_loopback_unless_api_listen_says_otherwise()
    {
        Assert.Equal("http://127.0.0.1:8080", Load().Api.Listen);
        Assert.Equal("http://0.0.0.0:9000", Load(environment: new() { ["MNAS_API__LISTEN"] = "http://0.0.0.0:9000" }).Api.Listen);
    }

    [Fact]
    public void a_worker_counts_as_alive_in_the_api_for_eight_announce_intervals()
    {
        var api = Load(sets: ["worker.announce_seconds=2"]).Api;

        Assert.Equal(TimeSpan.FromSeconds(2), api.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(16), api.AliveWindow);
    }

    [Fact]
    public void a_bad_api_listen_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Load(File("""{ "api": { "listen": "127.0.0.1:8080" } }""")));

        Assert.StartsWith("api.listen: must be an http URL with a host and a port", Assert.Single(error.Problems));
    }
}
