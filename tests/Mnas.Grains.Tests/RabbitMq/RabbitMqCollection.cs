namespace Mnas.Grains.Tests.RabbitMq;

/// <summary>The tests that need the broker share one, and run one after another (one of them restarts it).</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "rabbitmq";
}
