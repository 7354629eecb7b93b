namespace Mnas.Grains;

/// <summary>Where a campaign's files live under the data directory.</summary>
public static class CampaignPaths
{
    public static string Store(string dataDirectory) => Path.Combine(dataDirectory, "campaigns.db");

    public static string Campaign(string dataDirectory, string campaignId) => Path.Combine(dataDirectory, "campaigns", campaignId);

    public static string Weights(string dataDirectory, string campaignId, long sequence) =>
        Path.Combine(Campaign(dataDirectory, campaignId), "children", $"{sequence}.safetensors");

    /// <summary>The architecture the kept weights belong to: the child's proxy view (input and classes of the proxy task).</summary>
    public static string WeightsArchitecture(string dataDirectory, string campaignId, long sequence) =>
        Path.Combine(Campaign(dataDirectory, campaignId), "children", $"{sequence}.architecture.json");
}
