namespace Mnas.Deploy.Tests;

/// <summary>values.schema.json: a wrong value fails at install, named.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("apiReplicas=-1", "apiReplicas")]
    [InlineData("controllerReplicas=-2", "controllerReplicas")]
    [InlineData("workerPools[0].replicas=-1", "replicas")]
    [InlineData("workerPools[0].deviceClass=cuda a100", "deviceClass")]
    [InlineData("workerPools[0].gpus=-1", "gpus")]
    [InlineData("imagePullPolicy=Sometimes", "imagePullPolicy")]
    [InlineData("apiReplica=1", "apiReplica")]
    [InlineData("clusterId=blue green", "clusterId")]
    [InlineData("clusterServiceId=", "clusterServiceId")]
    [InlineData("siloPort=0", "siloPort")]
    [InlineData("gatewayPort=70000", "gatewayPort")]
    [InlineData("clusterProbeTimeoutSeconds=0", "clusterProbeTimeoutSeconds")]
    [InlineData("clusterMissedProbesLimit=0", "clusterMissedProbesLimit")]
    [InlineData("clusterShutdownSeconds=0", "clusterShutdownSeconds")]
    [InlineData("controllerMaxUnavailable=0", "controllerMaxUnavailable")]
    // The leases' values are gone (as are the broker's): naming one is refused, not ignored.
    [InlineData("leaseGraceSeconds=30", "leaseGraceSeconds")]
    [InlineData("leaseHeartbeatSeconds=5", "leaseHeartbeatSeconds")]
    public void a_wrong_value_is_refused_naming_it(string set, string named)
    {
        var (exitCode, output) = Helm.Run("template", "release", Repository.Chart, "--set", set);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("schema", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public void an_external_database_needs_a_host()
    {
        var (exitCode, output) = Helm.Run("template", "release", Repository.Chart, "--set", "postgresDeploy=false");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("postgresHost", output, StringComparison.Ordinal);
    }
}
