namespace Mnas.Grains.Contracts;

/// <summary>What a worker is asked to do with a child.</summary>
[GenerateSerializer]
public enum ChildJob
{
    /// <summary>Everything on this worker: train the proxy view, measure the target view's latency, count costs.</summary>
    Evaluate,

    /// <summary>Train and count costs; the latency was measured already, on the campaign's device class, and is carried along.</summary>
    Train,

    /// <summary>Only measure the target view's latency (no training): sent to workers of the campaign's device class.</summary>
    Latency,
}
