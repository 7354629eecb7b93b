using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// What recording one result does (<see cref="StoreRules.Recorded"/>): whether it was accepted, the child as it is
/// to be stored, and the event to append with it in the same transaction.
/// </summary>
public sealed record ResultTransition(bool Accepted, Child Child, string EventKind, string EventMessage)
{
    /// <summary>What <see cref="ICampaignStore.RecordResultAsync"/> returns.</summary>
    public ResultRecording Recording => new(Accepted, Child);
}
