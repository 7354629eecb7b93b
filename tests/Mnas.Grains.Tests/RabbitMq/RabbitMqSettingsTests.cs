using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains.Hosting;

namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>Bad broker settings are refused at start-up, each named by its path; no broker is needed for that.</summary>
public sealed class RabbitMqSettingsTests
{
    private static RuntimeOptions OnRabbitMq(RabbitMqOptions rabbitMq) => new() { Transport = RuntimeTransports.RabbitMq, RabbitMq = rabbitMq };

    private static string Problems(RuntimeOptions options) =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddMnasRuntime(options)).Message;

    [Fact]
    public void the_runtime_refuses_bad_rabbitmq_settings_naming_each_one()
    {
        var message = Problems(OnRabbitMq(new RabbitMqOptions
        {
            Host = "amqp://broker",
            Port = 0,
            VirtualHost = "",
            UserName = " ",
            Password = "",
            PrefetchCount = 0,
            NamePrefix = "a b",
            HeartbeatSeconds = -1,
            ConnectionTimeoutSeconds = 0,
            TlsServerName = "",
            ClusterNodes = ["node-a:5672", "node-b:99999"],
        }));

        Assert.StartsWith("invalid runtime options: ", message);
        Assert.Contains("transport.rabbitmq.host: must be a host name or address, not a URL (got 'amqp://broker')", message);
        Assert.Contains("transport.rabbitmq.port: must be in 1..65535 (got 0)", message);
        Assert.Contains("transport.rabbitmq.virtual_host: must be set", message);
        Assert.Contains("transport.rabbitmq.user_name: must be set", message);
        Assert.Contains("transport.rabbitmq.password: must be set", message);
        Assert.Contains("transport.rabbitmq.prefetch_count: must be in 1..65535 (got 0)", message);
        Assert.Contains("transport.rabbitmq.name_prefix: may hold only letters, digits", message);
        Assert.Contains("transport.rabbitmq.heartbeat_seconds: must be in 0..65535 (got -1)", message);
        Assert.Contains("transport.rabbitmq.connection_timeout_seconds: must be at least 1 (got 0)", message);
        Assert.Contains("transport.rabbitmq.tls_server_name: must be a host name", message);
        Assert.Contains("transport.rabbitmq.cluster_nodes[1]: the port must be in 1..65535 (got 'node-b:99999')", message);
        Assert.DoesNotContain("cluster_nodes[0]", message);
    }

    [Fact]
    public void an_unknown_transport_is_refused_naming_the_ones_there_are()
    {
        var message = Problems(new RuntimeOptions { Transport = "kafka" });
        Assert.Contains("transport: must be in-memory or rabbitmq (got 'kafka')", message);
    }

    [Fact]
    public void rabbitmq_settings_are_checked_only_when_rabbitmq_is_the_transport()
    {
        var services = new ServiceCollection().AddMnasRuntime(new RuntimeOptions { RabbitMq = new RabbitMqOptions { Port = 0 } });
        Assert.Contains(services, s => s.ServiceType == typeof(RuntimeOptions));
    }

    [Fact]
    public void the_default_rabbitmq_settings_are_valid()
    {
        Assert.Empty(OnRabbitMq(new RabbitMqOptions()).Validate());
        Assert.Empty(OnRabbitMq(new RabbitMqOptions { Tls = true, TlsServerName = "broker.example", ClusterNodes = ["a", "b:5671"] }).Validate());
    }
}
