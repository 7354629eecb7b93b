namespace Mnas.Api.Events;

/// <summary>
/// The data of a <c>supernet-epoch</c> message: a finished epoch of the campaign's supernet as the store records it, without
/// its distributions (<c>GET /campaigns/{id}/supernet</c> has them).
/// </summary>
public sealed record SupernetEpochData(int Epoch, int Attempt, double Temperature, double Loss, double CrossEntropy, bool ThetaTrained,
    double ExpectedLatencyMs, double Seconds);
