using System.Security.Authentication;
using Mnas.Grains;
using RabbitMQ.Client;

namespace Mnas.Api.Health;

/// <summary>
/// The RabbitMQ broker is reachable when it accepts a connection with the runtime's settings. The connection is kept
/// between probes and checked, so a probe opens a new one only after the last was lost.
/// </summary>
public sealed class BrokerReadinessProbe(RabbitMqOptions options) : IReadinessProbe, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    public string Name => "broker";

    public async Task<string?> FindProblemAsync(CancellationToken cancellation)
    {
        await gate.WaitAsync(cancellation);
        try
        {
            if (connection is { IsOpen: true })
            {
                return null;
            }

            await CloseAsync();
            connection = await Connection().CreateConnectionAsync(Endpoints(), cancellation);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var cause = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            return $"{options.Host}:{options.Port}{options.VirtualHost}: {cause}";
        }
        finally
        {
            gate.Release();
        }
    }

    private ConnectionFactory Connection() => new()
    {
        HostName = options.Host,
        Port = options.Port,
        VirtualHost = options.VirtualHost,
        UserName = options.UserName,
        Password = options.Password,
        RequestedHeartbeat = TimeSpan.FromSeconds(options.HeartbeatSeconds),
        RequestedConnectionTimeout = ApiOptions.ProbeTimeout,
        ClientProvidedName = options.ConnectionName + "-readiness",
        // The next probe reconnects; a connection recovering by itself would hide that the broker went away.
        AutomaticRecoveryEnabled = false,
        TopologyRecoveryEnabled = false,
        Ssl = Tls(),
    };

    // As the bus connects: one certificate name for every node.
    private SslOption Tls() => new()
    {
        Enabled = options.Tls,
        ServerName = options.TlsServerName ?? options.Host,
        Version = SslProtocols.Tls12 | SslProtocols.Tls13,
    };

    private List<AmqpTcpEndpoint> Endpoints()
    {
        if (options.ClusterNodes.Count == 0)
        {
            return [new AmqpTcpEndpoint(options.Host, options.Port, Tls())];
        }

        return options.ClusterNodes.Select(node =>
        {
            var endpoint = AmqpTcpEndpoint.Parse(node);
            var port = node.Contains(':', StringComparison.Ordinal) ? endpoint.Port : options.Port;
            return new AmqpTcpEndpoint(endpoint.HostName, port, Tls());
        }).ToList();
    }

    private async Task CloseAsync()
    {
        if (connection != null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
