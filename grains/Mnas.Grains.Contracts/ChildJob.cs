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

    /// <summary>
    /// Train the campaign's supernet (one differentiable search, <see cref="TrainChild.Sequence"/> 0) on this worker: time
    /// its candidates on this worker's device, train it from the state carried (if any), report every epoch, answer with P_θ.
    /// </summary>
    Supernet,

    /// <summary>
    /// Time operators missing from the campaign's latency lookup table (FBNetV3, <see cref="TrainChild.Sequence"/>
    /// <see cref="TrainChild.LatencyTableSequence"/>): each of <see cref="TrainChild.OperatorKeys"/>, found in
    /// <see cref="TrainChild.Architectures"/>, timed alone on this worker's device; answered with <see cref="LatencyTableMeasured"/>.
    /// </summary>
    LatencyTable,
}
