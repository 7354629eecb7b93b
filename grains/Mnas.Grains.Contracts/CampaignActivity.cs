namespace Mnas.Grains.Contracts;

/// <summary>What a campaign's grain is doing now, for the API and the dashboard.</summary>
/// <param name="State"><c>idle</c> (not running here), <c>running</c>, or <c>waiting</c> (for a worker of a device class).</param>
/// <param name="Waiting">Why it waits, naming the device class, when it does.</param>
/// <param name="Queued">Jobs waiting for a worker.</param>
/// <param name="Running">Jobs on workers now.</param>
[GenerateSerializer, Immutable]
public sealed record CampaignActivity(string State, string? Waiting, int Queued, int Running)
{
    public const string Idle = "idle";
    public const string Active = "running";
    public const string WaitingForWorkers = "waiting";
}
