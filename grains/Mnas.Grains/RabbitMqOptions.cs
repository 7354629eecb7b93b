namespace Mnas.Grains;

/// <summary>
/// How the runtime reaches its RabbitMQ broker when <see cref="RuntimeOptions.Transport"/> is rabbitmq;
/// <see cref="Validate"/> names every bad setting (relative to <c>transport.rabbitmq</c>).
/// </summary>
public sealed record RabbitMqOptions
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 5672;

    public string VirtualHost { get; init; } = "/";

    public string UserName { get; init; } = "guest";

    public string Password { get; init; } = "guest";

    /// <summary>Messages a receive endpoint takes from the broker ahead of handling them.</summary>
    public int PrefetchCount { get; init; } = 16;

    /// <summary>
    /// Put before every queue and exchange name the runtime declares, so that runtimes sharing a
    /// broker and virtual host do not see each other's messages. Empty: the names as they are.
    /// </summary>
    public string NamePrefix { get; init; } = "";

    /// <summary>How often client and broker check that the connection is alive; 0 turns the check off.</summary>
    public int HeartbeatSeconds { get; init; } = 30;

    public int ConnectionTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// How long a worker's own queue stays on the broker once nothing consumes it (its worker gone for good) before the
    /// broker deletes it. A worker that comes back after longer declares it again; what was in it had been leased and is
    /// sent out again when the lease runs out.
    /// </summary>
    public int WorkerQueueExpirySeconds { get; init; } = 600;

    /// <summary>The name this process's connection shows on the broker.</summary>
    public string ConnectionName { get; init; } = "mnas";

    /// <summary>Every publish waits for the broker to confirm it has the message.</summary>
    public bool PublisherConfirmation { get; init; } = true;

    public bool Tls { get; init; }

    /// <summary>The name the broker's certificate must carry; null for <see cref="Host"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The nodes of a broker cluster, as host or host:port; when set, the runtime connects to any one that answers.</summary>
    public IReadOnlyList<string> ClusterNodes { get; init; } = [];

    public const int MaxNamePrefixLength = 100;

    public IEnumerable<string> Validate()
    {
        foreach (var problem in HostProblems("host", Host))
        {
            yield return problem;
        }
        if (Port is < 1 or > 65535)
        {
            yield return $"port: must be in 1..65535 (got {Port})";
        }
        if (string.IsNullOrEmpty(VirtualHost))
        {
            yield return "virtual_host: must be set (/ is the broker's default)";
        }
        if (string.IsNullOrWhiteSpace(UserName))
        {
            yield return "user_name: must be set";
        }
        if (string.IsNullOrEmpty(Password))
        {
            yield return "password: must be set (the broker refuses empty passwords)";
        }
        if (PrefetchCount is < 1 or > ushort.MaxValue)
        {
            yield return $"prefetch_count: must be in 1..{ushort.MaxValue} (got {PrefetchCount})";
        }
        if (NamePrefix.Length > MaxNamePrefixLength)
        {
            yield return $"name_prefix: must be at most {MaxNamePrefixLength} characters (got {NamePrefix.Length})";
        }
        if (!NamePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            yield return $"name_prefix: may hold only letters, digits, '-', '_' and '.' (got '{NamePrefix}')";
        }
        if (HeartbeatSeconds is < 0 or > ushort.MaxValue)
        {
            yield return $"heartbeat_seconds: must be in 0..{ushort.MaxValue} (got {HeartbeatSeconds})";
        }
        if (WorkerQueueExpirySeconds < 1)
        {
            yield return $"worker_queue_expiry_seconds: must be at least 1 (got {WorkerQueueExpirySeconds})";
        }
        if (ConnectionTimeoutSeconds < 1)
        {
            yield return $"connection_timeout_seconds: must be at least 1 (got {ConnectionTimeoutSeconds})";
        }
        if (TlsServerName != null && (TlsServerName.Length == 0 || TlsServerName.Any(char.IsWhiteSpace)))
        {
            yield return $"tls_server_name: must be a host name (got '{TlsServerName}')";
        }
        for (var i = 0; i < ClusterNodes.Count; i++)
        {
            foreach (var problem in ClusterNodeProblems($"cluster_nodes[{i}]", ClusterNodes[i]))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> HostProblems(string name, string host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            yield return $"{name}: must be set";
        }
        else if (host.Contains("://", StringComparison.Ordinal) || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@'))
        {
            yield return $"{name}: must be a host name or address, not a URL (got '{host}')";
        }
    }

    private static IEnumerable<string> ClusterNodeProblems(string name, string node)
    {
        var colon = node.LastIndexOf(':');
        var host = colon < 0 ? node : node[..colon];
        foreach (var problem in HostProblems(name, host))
        {
            yield return problem;
        }
        if (colon >= 0 && !(int.TryParse(node[(colon + 1)..], out var port) && port is >= 1 and <= 65535))
        {
            yield return $"{name}: the port must be in 1..65535 (got '{node}')";
        }
    }

    public void ThrowIfInvalid() => Mnas.Workers.SettingsCheck.ThrowIfAny("RabbitMQ settings", Validate());
}
