namespace Mnas.Api.Tests;

/// <summary>
/// The cluster's roles refuse settings that cannot make a cluster, naming them (exit 2), and say in one line when the
/// membership database cannot be reached (exit 1): no stack trace either way.
/// </summary>
public sealed class ClusterRoleStartupTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-cluster-role-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact(Timeout = 60_000)]
    public async Task a_controller_on_sqlite_is_refused_naming_the_membership_and_the_store()
    {
        var (exitCode, output) = await MnasCommand.RunAsync("controller", [$"data_directory={data}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("cluster.membership: mnas controller joins a cluster, which needs postgres membership (got 'localhost'", output);
        Assert.Contains("store: mnas controller needs store postgres", output);
        Assert.DoesNotContain(" at ", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_worker_with_localhost_membership_is_refused_naming_it()
    {
        var (exitCode, output) = await MnasCommand.RunAsync("worker", [$"data_directory={data}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("cluster.membership: mnas worker joins a cluster", output);
        Assert.DoesNotContain("store:", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_worker_whose_membership_database_is_unreachable_says_so_in_one_line()
    {
        var (exitCode, output) = await MnasCommand.RunAsync("worker", [$"data_directory={data}", "cluster.membership=postgres",
            "cluster.connection_string=Host=127.0.0.1;Port=1;Timeout=3", "cluster.silo_port=0", "cluster.gateway_port=0"]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("mnas: the worker silo could not start (", line);
        Assert.Contains("127.0.0.1:1", line);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("cluster.silo_port=70000", "cluster.silo_port: must be a port, 0 to 65535 (got 70000)")]
    [InlineData("cluster.advertised_address=somewhere", "cluster.advertised_address: must be an IP address (got 'somewhere')")]
    [InlineData("cluster.membership=zookeeper", "cluster.membership: must be localhost or postgres (got 'zookeeper')")]
    public async Task a_bad_cluster_setting_is_named_before_anything_starts(string setting, string expected)
    {
        var (exitCode, output) = await MnasCommand.RunAsync("serve", [$"data_directory={data}", setting]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("api: listening", output);
    }
}
