namespace Mnas.Workers.Tests;

/// <summary>Tests that time code run alone, so that other tests do not share the cores with them.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public class TimingCollection;
