using Mnas.Host.Configuration;

namespace Mnas.Workers.Tests;

public sealed class HostSettingsTests : IDisposable
{
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
    public void with_nothing_set_a_process_runs_embedded_on_the_in_memory_bus_and_sqlite()
    {
        var settings = Load();

        Assert.Equal("in-memory", settings.Runtime.Transport);
        Assert.Equal(HostSettings.Sqlite, settings.Store);
        Assert.Null(settings.Postgres);
    }

    [Fact]
    public void a_file_the_environment_and_set_are_merged_in_rising_priority()
    {
        var file = File("""{ "transport": { "kind": "rabbitmq", "rabbitmq": { "host": "broker", "port": 5673 } }, "worker": { "slots": 2 } }""");

        var settings = Load(file, ["worker.slots=4", "transport.rabbitmq.cluster_nodes=a:1,b:2", "worker.trainer=simulated", "worker.simulated_seconds=0.25"],
            new() { ["MNAS_TRANSPORT__RABBITMQ__PORT"] = "5674", ["MNAS_WORKER__DEVICE_CLASS"] = "cuda" });

        Assert.Equal("rabbitmq", settings.Runtime.Transport);
        Assert.Equal("broker", settings.Runtime.RabbitMq.Host);
        Assert.Equal(5674, settings.Runtime.RabbitMq.Port);
        Assert.Equal(4, settings.Runtime.Workers);
        Assert.Equal("cuda", settings.Runtime.DeviceClass);
        Assert.Equal(["a:1", "b:2"], settings.Runtime.RabbitMq.ClusterNodes);
        Assert.Equal("simulated", settings.Runtime.Trainer);
        Assert.Equal(TimeSpan.FromSeconds(0.25), settings.Runtime.SimulatedSeconds);
    }

    [Fact]
    public void every_bad_or_unknown_setting_is_named_at_once()
    {
        var file = File("""{ "transprot": "rabbitmq", "leases": { "grace_seconds": 1, "heartbeat_seconds": 2 } }""");

        var error = Assert.Throws<SettingsException>(() => Load(file, ["store=postgres", "worker.slot=3", "nonsense", "worker.trainer=fake"],
            new() { ["MNAS_TRANSPORT"] = "rabbitmq", ["MNAS_TRANSPORT__RABBITMQ__PORT"] = "abc" }));

        Assert.Contains(error.Problems, p => p.StartsWith("transprot: unknown setting", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("worker.slot: unknown setting", StringComparison.Ordinal));
        Assert.Contains("--set: expected key=value (got 'nonsense')", error.Problems);
        Assert.Contains("transport.rabbitmq.port: must be a whole number (got 'abc')", error.Problems);
        Assert.Contains("worker.trainer: must be pipeline or simulated (got 'fake')", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("store.postgres.connection_string:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("leases.grace_seconds: must be at least two heartbeat intervals", StringComparison.Ordinal));
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
        Assert.Equal(TimeSpan.FromSeconds(2), Load(sets: ["leases.heartbeat_seconds=2", "leases.grace_seconds=10"]).Api.HeartbeatInterval);
    }

    [Fact]
    public void a_bad_api_listen_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Load(File("""{ "api": { "listen": "127.0.0.1:8080" } }""")));

        Assert.StartsWith("api.listen: must be an http URL with a host and a port", Assert.Single(error.Problems));
    }
}
