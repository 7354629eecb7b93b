namespace Mnas.Grains;

/// <summary>The transports the runtime's messages can travel on (<see cref="RuntimeOptions.Transport"/>).</summary>
public static class RuntimeTransports
{
    /// <summary>Everything in this process, nothing to configure: the embedded mode.</summary>
    public const string InMemory = "in-memory";

    /// <summary>A RabbitMQ broker (<see cref="RuntimeOptions.RabbitMq"/>), so coordinator and trainers can run on several machines.</summary>
    public const string RabbitMq = "rabbitmq";
}
