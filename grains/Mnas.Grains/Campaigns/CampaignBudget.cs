namespace Mnas.Grains.Campaigns;

/// <summary>When a campaign stops submitting children: after a number of children and/or a wall-clock time.</summary>
public sealed record CampaignBudget(int? MaxChildren, TimeSpan? MaxWallClock)
{
    public bool Exhausted(long submitted, TimeSpan elapsed) =>
        (MaxChildren is { } max && submitted >= max) || (MaxWallClock is { } limit && elapsed >= limit);
}
