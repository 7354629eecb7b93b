using System.Text.Json;
using System.Text.Json.Serialization;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// A MemNAS search's whole state after a step, as UTF-8 JSON: the rounds done, the current base network (with its
/// accuracy and memory), every child trained, every round's ranking data, the rounds in a row without a better base,
/// whether the ranker has been fitted, and the ranker's weights and optimiser state. The search draws nothing at random
/// itself, so with the options this is everything a resumed search needs to go on exactly where it stopped.
/// </summary>
public sealed record MemnasState
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public int Format { get; init; } = CurrentFormat;

    /// <summary>Grow-and-trim rounds done (0 once the first base has trained).</summary>
    public int Round { get; init; }

    public MemnasNetwork Base { get; init; } = null!;

    /// <summary>Every child trained, in sequence order: the first base, then each round's.</summary>
    public IReadOnlyList<TrainedChild> Trained { get; init; } = [];

    public IReadOnlyList<MeasuredRound> Rounds { get; init; } = [];

    /// <summary>Rounds in a row whose best candidate did not beat the base.</summary>
    public int RoundsWithoutBetterBase { get; init; }

    /// <summary>Whether the ranker has been fitted at least once (it ranks the candidates from then on, the memory prior before).</summary>
    public bool RankerFitted { get; init; }

    public byte[] Ranker { get; init; } = [];

    /// <summary>The <see cref="SearchRound.Round"/> the next grow-and-trim round is reported as: the base is step 1, round t step t + 1.</summary>
    [JsonIgnore]
    public int NextStep => Round + 2;

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static MemnasState FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        MemnasState? state;
        try
        {
            state = JsonSerializer.Deserialize<MemnasState>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a memnas search state ({e.Message})", e);
        }
        if (state is null)
        {
            throw new InvalidDataException("the memnas search state is empty");
        }
        if (state.Format != CurrentFormat)
        {
            throw new InvalidDataException($"memnas search state format {state.Format} is not supported (expected {CurrentFormat})");
        }
        if (state.Base?.Architecture is not { Length: > 0 } || state.Trained is null || state.Rounds is null || state.Ranker is null ||
            state.Round < 0 || state.RoundsWithoutBetterBase < 0 || state.Rounds.Any(r => r?.Candidates is null || r.Measured?.Count != r.Candidates.Count))
        {
            throw new InvalidDataException("the memnas search state is incomplete: base, trained, rounds (each with a y per candidate) and ranker are required");
        }
        return state;
    }
}
