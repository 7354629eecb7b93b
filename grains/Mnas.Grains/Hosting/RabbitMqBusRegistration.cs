using System.Security.Authentication;
using MassTransit;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Hosting;

/// <summary>The runtime's bus on a RabbitMQ broker: the same endpoints and consumers as in memory, reached through the broker.</summary>
internal static class RabbitMqBusRegistration
{
    public static void UsingMnasRabbitMq(this IBusRegistrationConfigurator bus, RuntimeOptions options, WorkerIdentity identity)
    {
        var rabbitMq = options.RabbitMq;
        bus.UsingRabbitMq((context, cfg) =>
        {
            cfg.Host(rabbitMq.Host, (ushort)rabbitMq.Port, rabbitMq.VirtualHost, rabbitMq.ConnectionName, host =>
            {
                host.Username(rabbitMq.UserName);
                host.Password(rabbitMq.Password);
                host.Heartbeat((ushort)rabbitMq.HeartbeatSeconds);
                host.RequestedConnectionTimeout(TimeSpan.FromSeconds(rabbitMq.ConnectionTimeoutSeconds));
                host.PublisherConfirmation = rabbitMq.PublisherConfirmation;
                if (rabbitMq.Tls)
                {
                    host.UseSsl(tls =>
                    {
                        tls.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                        tls.ServerName = rabbitMq.TlsServerName ?? rabbitMq.Host;
                    });
                }
                if (rabbitMq.ClusterNodes.Count > 0)
                {
                    host.UseCluster(cluster =>
                    {
                        foreach (var node in rabbitMq.ClusterNodes)
                        {
                            cluster.Node(node);
                        }
                    });
                }
            });
            cfg.PrefetchCount = rabbitMq.PrefetchCount;
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, rabbitMq.NamePrefix));
            RuntimeEndpoints.Configure(context, cfg, options, identity);
        });
    }
}
