namespace Mnas.Api.Children;

/// <summary>One event of a child's history.</summary>
public sealed record ChildEventItem(long Id, string Kind, string Message, DateTimeOffset At);
