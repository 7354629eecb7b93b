namespace Mnas.Api.Events;

/// <summary>The data of an <c>event</c> message: any other campaign event, as recorded.</summary>
public sealed record OtherEventData(string Kind, string Message);
