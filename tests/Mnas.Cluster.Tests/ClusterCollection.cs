namespace Mnas.Cluster.Tests;

/// <summary>
/// The cluster tests run one after another: each starts several processes whose silos probe one another, and on a
/// machine of few cores tests side by side would starve those probes and see silos declared dead that are not.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
