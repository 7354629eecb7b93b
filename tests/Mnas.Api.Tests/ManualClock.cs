namespace Mnas.Api.Tests;

/// <summary>A clock the test sets: the API judges workers' heartbeats by it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
