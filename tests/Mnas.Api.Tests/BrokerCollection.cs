using Mnas.Grains.Tests.RabbitMq;

namespace Mnas.Api.Tests;

/// <summary>Tests that use the broker share one node and run one after another (the role tests start processes that work).</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "broker";
}
