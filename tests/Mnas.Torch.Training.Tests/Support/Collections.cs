namespace Mnas.Torch.Training.Tests.Support;

/// <summary>
/// Tests that assert the process-wide tensor counters (torch.LiveTensorCount, torch.NativeLiveTensorCount)
/// or resident memory. xunit runs this collection alone, after every parallel collection has finished,
/// so no other test creates or frees tensors meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveTensorCountersCollection
{
    public const string Name = "LiveTensorCounters";
}

/// <summary>
/// Tests that depend on libtorch's process-wide state: the default generator seeded by torch.manual_seed
/// and the intra-op thread count. Any test running beside them could draw from the generator, so they run alone too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomStateCollection
{
    public const string Name = "GlobalRandomState";
}
