namespace Mnas.Grains.Contracts;

/// <summary>
/// A worker's answer to a <see cref="ChildJob.LatencyTable"/> job: each operator it was asked for (key → median ms on its
/// device), or why it could not time them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LatencyTableMeasured(
    string CampaignId,
    int Attempt,
    string WorkerId,
    bool Succeeded,
    string? FailureReason,
    Dictionary<string, double> Entries);
