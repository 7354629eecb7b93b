namespace Mnas.Api.Management;

/// <summary>
/// The management listener of a long-running role (<c>management.listen</c>): liveness, readiness and metrics for the
/// cluster's own network. Off unless an address is given; <see cref="ManagementOptionsValidator"/> names a bad one.
/// </summary>
public sealed record ManagementOptions
{
    public const string ExampleListen = "http://0.0.0.0:9090";

    /// <summary>The URL it listens on; port 0 takes any free port; null or empty leaves it off.</summary>
    public string? Listen { get; init; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);
}
