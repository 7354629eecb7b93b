using Mnas.Grains.Tests.RabbitMq;

namespace Mnas.Cluster.Tests;

/// <summary>Cluster tests share the broker and run one after another (they start processes that train).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "cluster";
}
