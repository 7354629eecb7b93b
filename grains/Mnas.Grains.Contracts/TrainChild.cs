namespace Mnas.Grains.Contracts;

/// <summary>Asks a worker to evaluate one child, or one part of it (<see cref="Job"/>).</summary>
/// <param name="ArchitectureJson">The frozen architecture (target view), as an architecture file's JSON.</param>
/// <param name="SpecJson">The campaign spec, for the proxy task's settings.</param>
/// <param name="WorkerId">The worker the campaign assigned it to.</param>
/// <param name="DeviceClass">The device class latency is measured on: a latency job goes only to a worker of it.</param>
/// <param name="LatencyMs">For a <see cref="ChildJob.Train"/> job, the latency measured before, answered with the result.</param>
/// <param name="Strategy">For a <see cref="ChildJob.Supernet"/> job, the campaign's strategy (fbnet or fbnetv2).</param>
/// <param name="Resolution">The input sub-sampling factor of a child a resolution search drew (1: the full input): its proxy training sees every Resolution-th pixel.</param>
/// <param name="SupernetState">For a <see cref="ChildJob.Supernet"/> job, the search state after the last epoch recorded, to go on from (none: from the start).</param>
/// <param name="Architectures">For a <see cref="ChildJob.LatencyTable"/> job, the target views (architecture files' JSON) that hold the operators to time.</param>
/// <param name="OperatorKeys">For a <see cref="ChildJob.LatencyTable"/> job, the keys of the operators to time, each found in one of <paramref name="Architectures"/>.</param>
[GenerateSerializer, Immutable]
public sealed record TrainChild(
    string CampaignId,
    long Sequence,
    int Attempt,
    string ArchitectureJson,
    string SpecJson,
    string WorkerId = "",
    ChildJob Job = ChildJob.Evaluate,
    string? DeviceClass = null,
    double? LatencyMs = null,
    string? Strategy = null,
    byte[]? SupernetState = null,
    int Resolution = 1,
    IReadOnlyList<string>? Architectures = null,
    IReadOnlyList<string>? OperatorKeys = null)
{
    /// <summary>The sequence number a campaign's supernet job goes by (children are numbered from 1).</summary>
    public const long SupernetSequence = 0;

    /// <summary>The sequence number a campaign's latency table job goes by (FBNetV3: operators its lookup table lacks).</summary>
    public const long LatencyTableSequence = -1;
}
