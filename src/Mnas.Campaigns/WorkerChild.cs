namespace Mnas.Campaigns;

/// <summary>
/// One attempt of one child that a worker runs; <see cref="Job"/> says what it does with it (e.g. <c>train</c>,
/// <c>latency</c>). A campaign's own jobs go by reserved sequences: its supernet 0, its latency-table job −1.
/// </summary>
public sealed record WorkerChild(string CampaignId, long Sequence, int Attempt, string Job)
{
    public const string SupernetJob = "supernet";
    public const string LatencyTableJob = "latencytable";

    /// <summary>The sequence a job of the campaign's own goes by (null for a child's job, numbered from 1).</summary>
    public static long? ReservedSequence(string? job) => job switch
    {
        SupernetJob => 0,
        LatencyTableJob => -1,
        _ => null,
    };
}
