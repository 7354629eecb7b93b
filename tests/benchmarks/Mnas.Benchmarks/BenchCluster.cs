using System.Globalization;
using Mnas.Grains.Hosting;
using Mnas.Store.Postgres;

namespace Mnas.Benchmarks;

/// <summary>
/// One cluster of the benchmark: membership and the store in one PostgreSQL database, its own cluster id (so nothing
/// of an earlier cluster, a killed silo say, is met), every silo on loopback with free ports, failures detected after
/// three missed probes of two seconds.
/// </summary>
internal sealed record BenchCluster(PostgresStoreOptions Store, string ClusterId)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const int MissedProbesLimit = 3;

    public static BenchCluster New(PostgresStoreOptions store) => new(store, $"bench-{Guid.NewGuid().ToString("N")[..12]}");

    /// <summary>For a silo in this process.</summary>
    public ClusterSettings InProcess => new()
    {
        Membership = ClusterSettings.Postgres,
        ConnectionString = PostgresClusterTables.ConnectionStringFor(Store),
        ClusterId = ClusterId,
        SiloPort = 0,
        GatewayPort = 0,
        AdvertisedAddress = "127.0.0.1",
        ProbeTimeout = ProbeTimeout,
        MissedProbesLimit = MissedProbesLimit,
    };

    /// <summary>For an <c>mnas controller</c> process.</summary>
    public IEnumerable<string> ControllerSettings(string dataDirectory) => Common(dataDirectory);

    /// <summary>For an <c>mnas worker</c> process of one slot with the simulated trainer.</summary>
    public IEnumerable<string> WorkerSettings(string dataDirectory, double childSeconds) =>
    [
        .. Common(dataDirectory), "worker.slots=1", "worker.trainer=simulated",
        $"worker.simulated_seconds={childSeconds.ToString(CultureInfo.InvariantCulture)}",
    ];

    private IEnumerable<string> Common(string dataDirectory) =>
    [
        "store=postgres", $"store.postgres.connection_string={Store.ConnectionString}", $"cluster.id={ClusterId}", "cluster.silo_port=0",
        "cluster.gateway_port=0", "cluster.advertised_address=127.0.0.1",
        $"cluster.probe_timeout_seconds={ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}",
        $"cluster.missed_probes_limit={MissedProbesLimit.ToString(CultureInfo.InvariantCulture)}", $"data_directory={dataDirectory}",
    ];
}
