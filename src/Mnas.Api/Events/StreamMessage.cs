namespace Mnas.Api.Events;

/// <summary>One Server-Sent Events message: the id of the campaign event it comes from, its type and its data (written as JSON).</summary>
public sealed record StreamMessage(long Id, string Type, object Data);
