using System.Text.Json;
using System.Text.Json.Serialization;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// An FBNetV3 search's whole state, as UTF-8 JSON: the step it takes next, the coarse rounds done, the Sobol index the
/// next pool starts at, the number of the next search round it reports, the predictor (<see cref="Prediction.AccuracyPredictor.Save"/>'s
/// bytes), every pair trained with what was predicted and measured, and the fine stage's best pairs and those it left to
/// train. With the campaign's seed it is everything a search needs to go on exactly where it stopped; a requery reads a
/// finished campaign's predictor and trained pairs from it.
/// </summary>
public sealed record Fbnetv3State
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public int Format { get; init; } = CurrentFormat;

    public Fbnetv3Stage Stage { get; init; }

    public int CoarseRounds { get; init; }

    public long SobolIndex { get; init; }

    /// <summary>The <see cref="SearchRound.Round"/> of the next step reported.</summary>
    public int NextRound { get; init; } = 1;

    public byte[] Predictor { get; init; } = [];

    /// <summary>Every pair trained, in sequence order.</summary>
    public IReadOnlyList<TrainedPair> Trained { get; init; } = [];

    /// <summary>The fine stage's best pairs, best predicted first (empty before it ran).</summary>
    public IReadOnlyList<ProposedPair> Proposed { get; init; } = [];

    /// <summary>The fine stage's best pairs not trained before, which the final stage trains.</summary>
    public IReadOnlyList<ProposedPair> Final { get; init; } = [];

    /// <summary>The trained pairs that were measured: those the predictor is fitted to.</summary>
    [JsonIgnore]
    public IEnumerable<TrainedPair> Measured => Trained.Where(p => p.Accuracy is not null);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static Fbnetv3State FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Fbnetv3State? state;
        try
        {
            state = JsonSerializer.Deserialize<Fbnetv3State>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not an fbnetv3 search state ({e.Message})", e);
        }
        if (state is null)
        {
            throw new InvalidDataException("the fbnetv3 search state is empty");
        }
        if (state.Format != CurrentFormat)
        {
            throw new InvalidDataException($"fbnetv3 search state format {state.Format} is not supported (expected {CurrentFormat})");
        }
        if (state.Predictor is not { Length: > 0 } || state.Trained is null || state.Proposed is null || state.Final is null || state.CoarseRounds < 0 ||
            state.SobolIndex < 0 || state.NextRound < 1 || !Enum.IsDefined(state.Stage))
        {
            throw new InvalidDataException("the fbnetv3 search state is incomplete: predictor, trained, proposed and final are required");
        }
        return state;
    }
}
