using Mnas.Costs.Admission;

namespace Mnas.Api;

/// <summary>Where the API listens and how it judges workers; <see cref="ApiOptionsValidator"/> names every bad setting.</summary>
public sealed record ApiOptions
{
    /// <summary>Loopback by default: listening on other addresses is a deliberate choice.</summary>
    public const string DefaultListen = "http://127.0.0.1:8080";

    /// <summary>The URL the API listens on (<c>api.listen</c>); port 0 takes any free port.</summary>
    public string Listen { get; init; } = DefaultListen;

    /// <summary>Requests to <c>/api/v1</c> one API key may make in a minute (<c>api.rate_limit_per_minute</c>).</summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary>The largest request body accepted, in bytes (<c>api.max_body_bytes</c>); 1 MiB by default.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest child a submitted campaign may ask for (<c>limits.*</c>).</summary>
    public ChildResourceLimits ChildLimits { get; init; } = new();

    /// <summary>How often workers announce themselves (<c>worker.announce_seconds</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Announce intervals a worker may stay silent in the store and still count as alive: the directory of workers writes
    /// their announcements to the store every five intervals.
    /// </summary>
    public const int AliveHeartbeats = 8;

    /// <summary>How long <c>/readyz</c> waits for each dependency before calling it unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A worker last heard from before this long ago is taken for gone.</summary>
    public TimeSpan AliveWindow => AliveHeartbeats * HeartbeatInterval;
}
