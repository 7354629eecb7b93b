namespace Mnas.Campaigns;

/// <summary>
/// The supernet of a differentiable campaign (fbnet, fbnetv2) as the store keeps it: its attempts so far (each run on one
/// worker), the epochs done, the whole search state after the last of them (weights, θ, optimiser states, RNG: opaque
/// bytes the worker writes and reads), and once trained its posterior — P_θ per searchable layer, as JSON — from which
/// the campaign draws its children. A BN-NAS campaign's supernet keeps the evolution searched over it too, as JSON.
/// </summary>
public sealed record SupernetRecord(string CampaignId, int Attempts, int EpochsDone, byte[]? State, string? PosteriorJson, DateTimeOffset UpdatedAt,
    string? EvolutionJson = null)
{
    public bool Trained => PosteriorJson != null;
}
