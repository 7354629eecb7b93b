namespace Mnas.Store;

/// <summary>A campaign was created with an id that is already taken.</summary>
public sealed class DuplicateCampaignException(string campaignId)
    : InvalidOperationException($"a campaign with id '{campaignId}' already exists")
{
    public string CampaignId { get; } = campaignId;
}
