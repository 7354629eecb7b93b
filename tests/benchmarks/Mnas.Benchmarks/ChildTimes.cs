namespace Mnas.Benchmarks;

/// <summary>One attempt's moments as <see cref="ChildTimeline"/> saw them, in stopwatch timestamps (zero: not yet).</summary>
internal sealed record ChildTimes
{
    public string? WorkerId { get; set; }
    public long Sent { get; set; }
    public long Confirmed { get; set; }
    public long Started { get; set; }
    public long Evaluated { get; set; }
}
