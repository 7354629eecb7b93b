namespace Mnas.Grains.Tests;

public class RuntimeOptionsTests
{
    [Fact]
    public void the_defaults_coordinate_and_run_one_worker_on_the_in_memory_bus()
    {
        var options = new RuntimeOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.Coordinates);
        Assert.Equal(1, options.Workers);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.LeaseGrace);
    }

    [Fact]
    public void a_process_with_no_role_or_one_role_on_the_in_memory_bus_is_refused_by_name()
    {
        var noRole = new RuntimeOptions { Workers = 0, Coordinates = false, Transport = RuntimeTransports.RabbitMq }.Validate().ToList();
        var coordinatorOnly = new RuntimeOptions { Workers = 0 }.Validate().ToList();
        var workerOnly = new RuntimeOptions { Coordinates = false }.Validate().ToList();

        Assert.Contains(noRole, p => p.StartsWith("workers: a process that does not coordinate must run a worker", StringComparison.Ordinal));
        Assert.Contains(coordinatorOnly, p => p.StartsWith("transport: in-memory reaches only this process", StringComparison.Ordinal));
        Assert.Contains(workerOnly, p => p.StartsWith("transport: in-memory reaches only this process", StringComparison.Ordinal));
        Assert.Empty(new RuntimeOptions { Workers = 0, Transport = RuntimeTransports.RabbitMq }.Validate());
    }

    [Fact]
    public void leases_shorter_than_two_heartbeats_and_odd_device_classes_are_refused_by_name()
    {
        var problems = new RuntimeOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(10), LeaseGrace = TimeSpan.FromSeconds(15), DeviceClass = "gpu a100",
        }.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("lease_grace: must be at least two heartbeat intervals", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("device_class:", StringComparison.Ordinal));
    }
}
