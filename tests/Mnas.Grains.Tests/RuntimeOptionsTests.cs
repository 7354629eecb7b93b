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
        Assert.Contains(new ClusterSettings { Membership = ClusterSettings.Postgres }.Validate(),
            p => p.StartsWith("cluster.connection_string:", StringComparison.Ordinal));
        Assert.Contains(new ClusterSettings { SiloPort = 5000, GatewayPort = 5000 }.Validate(),
            p => p.StartsWith("cluster.gateway_port: must differ", StringComparison.Ordinal));
    }
}
