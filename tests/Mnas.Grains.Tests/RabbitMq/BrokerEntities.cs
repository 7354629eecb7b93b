using Mnas.Grains.Contracts;
using RabbitMQ.Client;

namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>Removes the queues and exchanges a test's runtime declared, so the broker does not collect them run after run.</summary>
internal static class BrokerEntities
{
    private static readonly Type[] Messages = [typeof(TrainChild), typeof(ChildStarted), typeof(ChildEvaluated), typeof(ChildReleased), typeof(WorkerHeartbeat), typeof(LatencyMeasured)];

    /// <summary>Whether the broker has a queue of this name.</summary>
    public static async Task<bool> QueueExistsAsync(RabbitMqOptions options, string queue)
    {
        await using var connection = await Factory(options).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private static ConnectionFactory Factory(RabbitMqOptions options) => new()
    {
        HostName = options.Host,
        Port = options.Port,
        VirtualHost = options.VirtualHost,
        UserName = options.UserName,
        Password = options.Password,
    };

    /// <param name="queues">The runtime's queues, as named on the broker (each has an exchange of the same name).</param>
    public static async Task DeleteAsync(RabbitMqOptions options, IEnumerable<string> queues)
    {
        await using var connection = await Factory(options).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues.SelectMany(q => new[] { q, $"{q}_error", $"{q}_skipped" }))
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
        }
        foreach (var message in Messages)
        {
            await channel.ExchangeDeleteAsync($"{options.NamePrefix}{message.Namespace}:{message.Name}");
        }
    }
}
