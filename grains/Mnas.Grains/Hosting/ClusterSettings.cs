using System.Net;

namespace Mnas.Grains.Hosting;

/// <summary>
/// How a process joins the Orleans cluster (<c>cluster.*</c> settings): the embedded default is one process with
/// localhost clustering; <c>postgres</c> membership keeps the cluster's table in the store's database.
/// </summary>
public sealed record ClusterSettings
{
    public const string Localhost = "localhost";
    public const string Postgres = "postgres";

    /// <summary><c>localhost</c> (one machine) or <c>postgres</c> (membership and reminders in PostgreSQL).</summary>
    public string Membership { get; init; } = Localhost;

    /// <summary>
    /// The membership database, its search path set to the schema that holds the cluster's tables (the store's, created
    /// by <c>mnas migrate</c>); by default the store's own.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>The cluster's id: silos of one deployment share it (a new one each blue/green rollout, say).</summary>
    public string ClusterId { get; init; } = "mnas";

    /// <summary>The service's id: stays the same across deployments (reminders are kept under it).</summary>
    public string ServiceId { get; init; } = "mnas";

    /// <summary>Silo-to-silo port; 0 picks a free one (embedded and tests).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port (the API connects to it); 0 picks a free one.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos reach this one at; null for the first non-loopback address (loopback with localhost membership).</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Gateways an API process connects to with localhost membership (host:port); postgres membership finds them in its table.</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];

    /// <summary>Running in a Kubernetes pod: pod name and namespace identify the silo, and pods of dead silos are deleted.</summary>
    public bool Kubernetes { get; init; }

    /// <summary>How long a silo waits for a probe's answer before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes after which a silo votes another dead.</summary>
    public int MissedProbesLimit { get; init; } = 3;

    /// <summary>How long a stopping silo has to hand its grains over before it goes anyway.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Validate()
    {
        if (Membership is not (Localhost or Postgres))
        {
            yield return $"cluster.membership: must be {Localhost} or {Postgres} (got '{Membership}')";
        }
        if (Membership == Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return "cluster.connection_string: postgres membership needs a connection string (or store postgres, whose it takes)";
        }
        foreach (var (name, value) in new[] { ("cluster.id", ClusterId), ("cluster.service_id", ServiceId) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 150 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                yield return $"{name}: must be 1 to 150 letters, digits, '-', '_' or '.' (got '{value}')";
            }
        }
        foreach (var (name, port) in new[] { ("cluster.silo_port", SiloPort), ("cluster.gateway_port", GatewayPort) })
        {
            if (port is < 0 or > 65535)
            {
                yield return $"{name}: must be a port, 0 to 65535 (got {port})";
            }
        }
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            yield return $"cluster.gateway_port: must differ from cluster.silo_port (both {SiloPort})";
        }
        if (AdvertisedAddress != null && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"cluster.advertised_address: must be an IP address (got '{AdvertisedAddress}')";
        }
        foreach (var gateway in Gateways)
        {
            if (!IPEndPoint.TryParse(gateway, out var endpoint) || endpoint.Port == 0)
            {
                yield return $"cluster.gateways: each must be address:port (got '{gateway}')";
            }
        }
        if (ProbeTimeout <= TimeSpan.Zero || ProbeTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"cluster.probe_timeout_seconds: must be above 0 and at most 60 (got {ProbeTimeout.TotalSeconds})";
        }
        if (MissedProbesLimit is < 1 or > 10)
        {
            yield return $"cluster.missed_probes_limit: must be 1 to 10 (got {MissedProbesLimit})";
        }
        if (ShutdownTimeout < TimeSpan.FromSeconds(1) || ShutdownTimeout > TimeSpan.FromMinutes(30))
        {
            yield return $"cluster.shutdown_seconds: must be 1 to 1800 (got {ShutdownTimeout.TotalSeconds})";
        }
    }

    public void ThrowIfInvalid() => Mnas.Workers.SettingsCheck.ThrowIfAny("cluster settings", Validate());
}
