namespace Mnas.Api.Campaigns;

/// <summary>
/// A campaign's budget as submitted (children and/or hours) and how much of it is used: the children sampled so far,
/// and their share of <see cref="MaxChildren"/> when the campaign has a child budget. The hours are counted by the
/// coordinator running the campaign and start again when it resumes, so they are not reported as used.
/// </summary>
public sealed record CampaignBudgetResponse(int? MaxChildren, double? MaxHours, long ChildrenSampled, double? ChildrenUsed);
