namespace Mnas.Api.Search;

/// <summary>
/// A predictor-driven search (fbnetv3): the strategy, every step it recorded in order (the predictor's pretraining, the
/// coarse rounds, the fine stage's iterations, the final children), the stage it is in (that of its last step) and how many
/// operators its latency lookup table holds.
/// </summary>
/// <param name="Stage">The last step's stage (<c>pretrain</c>, <c>coarse</c>, <c>fine</c>, <c>final</c>); null before the first step.</param>
/// <param name="LatencyTableSize">The operators the campaign's latency lookup table has timed on its device class.</param>
public sealed record SearchResponse(string Strategy, string? Stage, IReadOnlyList<SearchRoundItem> Rounds, int LatencyTableSize);
