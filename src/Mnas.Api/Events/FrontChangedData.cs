namespace Mnas.Api.Events;

/// <summary>The data of a <c>front-changed</c> message: the sequences on the accuracy × latency front, latency ascending.</summary>
public sealed record FrontChangedData(IReadOnlyList<long> Front);
