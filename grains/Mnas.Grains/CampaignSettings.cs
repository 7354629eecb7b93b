using System.Text.Json;

namespace Mnas.Grains;

/// <summary>
/// How a campaign runs, beyond its spec: the strategy, its budget and its controller's minibatch.
/// Stored with the campaign, so that a resumed campaign runs exactly as it started.
/// </summary>
public sealed record CampaignSettings(string Strategy = "rl", int? MaxChildren = 20, double? MaxHours = null, int Minibatch = 20, int Workers = 1)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public IEnumerable<string> Validate()
    {
        if (Strategy is not ("rl" or "random"))
        {
            yield return $"strategy: must be rl or random (got '{Strategy}')";
        }
        if (MaxChildren is < 1)
        {
            yield return $"children: must be at least 1 (got {MaxChildren})";
        }
        if (MaxHours is <= 0)
        {
            yield return $"hours: must be positive (got {MaxHours})";
        }
        if (MaxChildren == null && MaxHours == null)
        {
            yield return "children: a campaign needs a budget: a number of children, hours, or both";
        }
        if (Minibatch < 1)
        {
            yield return $"minibatch: must be at least 1 (got {Minibatch})";
        }
        if (Workers < 1)
        {
            yield return $"workers: must be at least 1 (got {Workers})";
        }
    }

    public void ThrowIfInvalid() => Mnas.Workers.SettingsCheck.ThrowIfAny("campaign settings", Validate());

    public Coordinator.CampaignBudget Budget => new(MaxChildren, MaxHours is { } h ? TimeSpan.FromHours(h) : null);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CampaignSettings FromJson(string json) =>
        JsonSerializer.Deserialize<CampaignSettings>(json, Json) ?? throw new InvalidDataException("campaign settings are empty");
}
