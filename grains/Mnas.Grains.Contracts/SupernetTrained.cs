namespace Mnas.Grains.Contracts;

/// <summary>A worker's answer to a <see cref="ChildJob.Supernet"/> job: the posterior P_θ as JSON, or why the search failed.</summary>
[GenerateSerializer, Immutable]
public sealed record SupernetTrained(string CampaignId, int Attempt, string WorkerId, bool Succeeded, string? FailureReason, string? PosteriorJson);
