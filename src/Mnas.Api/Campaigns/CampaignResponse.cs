using Mnas.Campaigns;

namespace Mnas.Api.Campaigns;

/// <summary>A campaign's status and progress: its children by status, the best reward of its done children, its budget.</summary>
/// <param name="Owner">The id of the API key that created it; empty for a campaign created on the command line.</param>
/// <param name="Waiting">Why a running campaign waits, as its controller says (no live worker of the class it needs); null when it does not.</param>
/// <param name="Strategy">The search strategy (<c>rl</c>, <c>random</c>, <c>fbnet</c>, <c>fbnetv2</c>, <c>bn-nas</c>); null when its stored settings cannot be read.</param>
public sealed record CampaignResponse(
    string Id,
    string Name,
    CampaignStatus Status,
    string? Strategy,
    long Seed,
    DateTimeOffset CreatedAt,
    ChildCounts Children,
    double? BestReward,
    CampaignBudgetResponse Budget,
    string Owner = "",
    string? Waiting = null);
