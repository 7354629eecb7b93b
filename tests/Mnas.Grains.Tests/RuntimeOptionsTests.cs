using Mnas.Grains.Hosting;

namespace Mnas.Grains.Tests;

public class RuntimeOptionsTests
{
    [Fact]
    public void the_defaults_coordinate_and_run_one_worker()
    {
        var options = new RuntimeOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.Coordinates);
        Assert.Equal(1, options.Workers);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.AnnounceInterval);
    }

    [Fact]
    public void a_process_with_no_role_is_refused_by_name_and_either_role_alone_is_taken()
    {
        var noRole = new RuntimeOptions { Workers = 0, Coordinates = false }.Validate().ToList();

        Assert.Contains(noRole, p => p.StartsWith("workers: a process that does not coordinate must run a worker", StringComparison.Ordinal));
        Assert.Empty(new RuntimeOptions { Workers = 0 }.Validate());
        Assert.Empty(new RuntimeOptions { Coordinates = false }.Validate());
    }

    [Fact]
    public void a_silent_announce_interval_and_odd_device_classes_are_refused_by_name()
    {
        var problems = new RuntimeOptions { AnnounceInterval = TimeSpan.Zero, DeviceClass = "gpu a100" }.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("announce_interval: must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("device_class:", StringComparison.Ordinal));
    }

    [Fact]
    public void the_cluster_settings_default_to_one_machine_and_name_each_bad_setting()
    {
        Assert.Empty(new ClusterSettings().Validate());
        var problems = new ClusterSettings
        {
            Membership = "zookeeper", ClusterId = "", SiloPort = 70000, GatewayPort = 11111, AdvertisedAddress = "pod-1", Gateways = ["nowhere"],
            ProbeTimeout = TimeSpan.Zero, MissedProbesLimit = 0, ShutdownTimeout = TimeSpan.Zero,
        }.Validate().ToList();

        foreach (var setting in new[]
                 {
                     "cluster.membership", "cluster.id", "cluster.silo_port", "cluster.advertised_address", "cluster.gateways",
                     "cluster.probe_timeout_seconds", "cluster.missed_probes_limit", "cluster.shutdown_seconds",
                 })
        {
            Assert.Contains(problems, p => p.StartsWith(setting + ":", StringComparison.Ordinal));
        }
        Assert.Contains("cluster.membership: must be localhost or postgres (got 'zookeeper')", problems);
        Assert.Contains("cluster.silo_port: must be a port, 0 to 65535 (got 70000)", problems);
        Assert.Contains("cluster.advertised_address: must be an IP address (got 'pod-1')", problems);
        Assert.Contains("cluster.gateways: each must be address:port (got 'nowhere')", problems);
        Assert.Contains(new ClusterSettings { Membership = ClusterSettings.Postgres }.Validate(),
            p => p.StartsWith("cluster.connection_string:", StringComparison.Ordinal));
        Assert.Contains(new ClusterSettings { SiloPort = 5000, GatewayPort = 5000 }.Validate(),
            p => p.StartsWith("cluster.gateway_port: must differ", StringComparison.Ordinal));
    }

    [Fact]
    public void bad_runtime_options_are_named_each_by_its_field()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuntimeOptions
        {
            DataDirectory = " ", Workers = -1, ThreadsPerWorker = 0, LatencyRuns = 2, MaxAttempts = 0, SimulatedSeconds = TimeSpan.FromSeconds(-1),
        }.ThrowIfInvalid());

        Assert.StartsWith("invalid runtime options: ", error.Message);
        foreach (var problem in new[]
                 {
                     "data_directory: must be set", "workers: must not be negative (got -1)", "threads_per_worker: must be at least 1 (got 0)",
                     "latency_runs: must be at least 3 (got 2)", "max_attempts: must be at least 1 (got 0)", "simulated_seconds: must not be negative (got -1)",
                 })
        {
            Assert.Contains(problem, error.Message);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task a_silo_with_bad_cluster_settings_refuses_to_start_naming_them()
    {
        var data = Path.Combine(Path.GetTempPath(), $"mnas-bad-cluster-{Guid.NewGuid():N}");
        var cluster = new ClusterSettings { SiloPort = 70000, ProbeTimeout = TimeSpan.FromMinutes(2) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data }, cluster: cluster));

        Assert.StartsWith("invalid cluster settings: ", error.Message);
        Assert.Contains("cluster.silo_port: must be a port, 0 to 65535 (got 70000)", error.Message);
        Assert.Contains("cluster.probe_timeout_seconds: must be above 0 and at most 60 (got 120)", error.Message);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task a_client_of_a_localhost_cluster_needs_its_gateways()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ClusterClient.StartAsync(new ClusterSettings(), CancellationToken.None));

        Assert.Equal("cluster.gateways: a client with localhost membership needs the gateways to reach", error.Message);
    }
}
