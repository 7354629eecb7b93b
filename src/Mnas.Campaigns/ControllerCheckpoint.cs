namespace Mnas.Campaigns;

/// <summary>
/// The strategy's full state after an update (weights, optimiser moments, baseline, RNG state, as
/// one opaque blob the strategy writes and reads), numbered by <see cref="Version"/>, with the
/// sequence number of the last child whose result it includes.
/// </summary>
public sealed record ControllerCheckpoint(string CampaignId, long Version, long LastChildIncluded, byte[] State, DateTimeOffset CreatedAt);
