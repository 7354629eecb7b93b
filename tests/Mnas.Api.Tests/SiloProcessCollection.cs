namespace Mnas.Api.Tests;

/// <summary>
/// Tests that start <c>mnas</c> processes hosting silos and campaigns (demo, serve): they run on their own, after the
/// project's other tests, because silos starved of CPU by tests running beside them miss their membership probes and
/// stall (the cluster's own tests run apart from every other suite for the same reason).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcessCollection
{
    public const string Name = "silo processes";
}
