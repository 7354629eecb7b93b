namespace Mnas.Grains.Contracts;

/// <summary>Asks a trainer to evaluate one child: train its proxy view, measure its target view.</summary>
/// <param name="WorkerId">The worker the coordinator assigned it to (each worker has a queue of its own).</param>
/// <param name="ArchitectureJson">The frozen architecture (target view), as an architecture file's JSON.</param>
/// <param name="SpecJson">The campaign spec, for the proxy task's settings.</param>
public sealed record TrainChild(string CampaignId, long Sequence, int Attempt, string ArchitectureJson, string SpecJson, string WorkerId = "");
