namespace Mnas.Api.Events;

/// <summary>
/// The data of a <c>supernet-epoch</c> message: a finished epoch of the campaign's supernet as the store records it, without
/// its distributions (<c>GET /campaigns/{id}/supernet</c> has them). A single-path supernet's epoch (bn-nas) carries its
/// BN indicator ([layer][candidate]) and the distance its candidate rankings moved since the epoch before (null for the
/// first); both are null for fbnet and fbnetv2.
/// </summary>
public sealed record SupernetEpochData(int Epoch, int Attempt, double Temperature, double Loss, double CrossEntropy, bool ThetaTrained,
    double ExpectedLatencyMs, double Seconds, IReadOnlyList<IReadOnlyList<double>>? Scores = null, double? RankingDistance = null);
