using System.Text.Json.Serialization;

namespace Mnas.Api.Search;

/// <summary>
/// A predictor-driven search (fbnetv3, memnas): the strategy, every step it recorded in order (fbnetv3: the predictor's
/// pretraining, the coarse rounds, the fine stage's iterations, the final children; memnas: the first base trained, then
/// each grow-and-trim round), the stage it is in (that of its last step), how many operators its latency lookup table
/// holds and, for memnas, its done children in accuracy × memory space with the front marked.
/// </summary>
/// <param name="Stage">The last step's stage (<c>pretrain</c>, <c>coarse</c>, <c>fine</c>, <c>final</c>; <c>base</c>, <c>grow-trim</c>); null before the first step.</param>
/// <param name="LatencyTableSize">The operators the campaign's latency lookup table has timed on its device class (0 for memnas, which times none).</param>
/// <param name="MemoryFront">memnas: every done child with its accuracy and memory, each marked whether it is on the accuracy × total memory front; absent for fbnetv3.</param>
public sealed record SearchResponse(
    string Strategy,
    string? Stage,
    IReadOnlyList<SearchRoundItem> Rounds,
    int LatencyTableSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MemoryPointItem>? MemoryFront = null);
