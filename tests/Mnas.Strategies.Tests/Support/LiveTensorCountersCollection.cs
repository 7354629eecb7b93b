namespace Mnas.Strategies.Tests.Support;

/// <summary>Tests that assert the process-wide live-tensor count run alone, after every parallel test has finished.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCountersCollection
{
    public const string Name = "LiveTensorCounters";
}
