using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Predictor;

/// <summary>
/// One step of a predictor-driven search, as the campaign records it. MemNAS (<c>memnas</c>): the first base network
/// trained (<see cref="BaseTrained"/>), then each grow-and-trim round (<see cref="GrowTrim"/>: its base, every candidate
/// with its predicted and measured rank, the next base). FBNetV3: the predictor's pretraining, a coarse round (its children,
/// what the predictor said of them before they trained and what they measured, with Kendall's τ between the two), an
/// iteration of the fine stage's evolution (best and mean predicted accuracy of the kept pairs, how many candidates met
/// the constraints and how many did not), or the final children. <see cref="Round"/> numbers the steps from 1.
/// </summary>
public sealed record SearchRound(
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("stage")] string Stage)
{
    public const string Pretrain = "pretrain";
    public const string Coarse = "coarse";
    public const string Fine = "fine";
    public const string Final = "final";
    public const string BaseTrained = "base";
    public const string GrowTrim = "grow-trim";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>Coarse: the round's number among the coarse rounds (from 1); fine: the evolution's iteration (from 1).</summary>
    [JsonPropertyName("iteration")]
    public int Iteration { get; init; }

    /// <summary>Pretraining: the proxy head's final loss (mean squared error of the normalised FLOPs and parameters).</summary>
    [JsonPropertyName("pretrain_loss")]
    public double? PretrainLoss { get; init; }

    /// <summary>Coarse and final: each child's predicted accuracy (before it trained) and its measured accuracy.</summary>
    [JsonPropertyName("points")]
    public IReadOnlyList<PredictedPoint> Points { get; init; } = [];

    /// <summary>Kendall's τ between predicted and measured accuracy over <see cref="Points"/> (null with fewer than two, or when the predictor had seen no trained child yet).</summary>
    [JsonPropertyName("kendall_tau")]
    public double? KendallTau { get; init; }

    /// <summary>The trained children the predictor was fit on after this step.</summary>
    [JsonPropertyName("fitted_on")]
    public int FittedOn { get; init; }

    [JsonPropertyName("best_predicted")]
    public double? BestPredicted { get; init; }

    [JsonPropertyName("mean_predicted")]
    public double? MeanPredicted { get; init; }

    /// <summary>Fine: candidates of the iteration that met the constraints.</summary>
    [JsonPropertyName("feasible")]
    public int? Feasible { get; init; }

    /// <summary>Fine: candidates of the iteration dropped for breaking a constraint.</summary>
    [JsonPropertyName("rejected")]
    public int? Rejected { get; init; }

    /// <summary>MemNAS: the round's base network (the first base, for <see cref="BaseTrained"/>).</summary>
    [JsonPropertyName("base")]
    public MemnasNetwork? Base { get; init; }

    /// <summary>MemNAS: every candidate of the round in the controller's reading order (null for other stages).</summary>
    [JsonPropertyName("candidates")]
    public IReadOnlyList<MemnasCandidate>? Candidates { get; init; }

    /// <summary>MemNAS: the next round's base, when a trained candidate beat this one's (null: the base stays).</summary>
    [JsonPropertyName("next_base")]
    public MemnasNetwork? NextBase { get; init; }

    /// <summary>MemNAS: the ranking controller's training loss after this round (mean squared error), null before it is trained.</summary>
    [JsonPropertyName("controller_loss")]
    public double? ControllerLoss { get; init; }

    /// <summary>MemNAS: how the candidates were ranked: <c>controller</c>, or <c>prior</c> (by memory alone, before the controller had data).</summary>
    [JsonPropertyName("ranked_by")]
    public string? RankedBy { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SearchRound FromJson(string json)
    {
        var round = JsonSerializer.Deserialize<SearchRound>(json, Json) ?? throw new InvalidDataException("search round: empty");
        if (round.Round < 1 || string.IsNullOrEmpty(round.Stage) || round.Points is null)
        {
            throw new InvalidDataException("search round: round (from 1), stage and points are required");
        }
        return round;
    }
}

/// <summary>
/// A child the predictor scored before it trained: its sequence, name (architecture and recipe), predicted accuracy (null:
/// the predictor had not been fitted yet) and measured accuracy (null: it failed).
/// </summary>
public sealed record PredictedPoint(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("predicted")] double? Predicted,
    [property: JsonPropertyName("measured")] double? Measured);

/// <summary>
/// A MemNAS network as a round records it: the child that trained it (sequence), its architecture (sample), accuracy,
/// parameter bytes and peak activation bytes (target view, lifetime analysis), and their sum.
/// </summary>
public sealed record MemnasNetwork(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("param_bytes")] long ParamBytes,
    [property: JsonPropertyName("peak_activation_bytes")] long PeakActivationBytes)
{
    [JsonPropertyName("total_bytes")]
    public long TotalBytes => ParamBytes + PeakActivationBytes;
}

/// <summary>
/// A candidate of a MemNAS round: its operation on the base (<c>trim b3 layer</c>), architecture, memory, the controller's
/// score and rank (1 = trained first), and, when it trained, its child's sequence, accuracy, memory efficiency y against
/// the base and rank among the trained by y (1 = best). Untrained candidates have nulls there.
/// </summary>
public sealed record MemnasCandidate(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("param_bytes")] long ParamBytes,
    [property: JsonPropertyName("peak_activation_bytes")] long PeakActivationBytes,
    [property: JsonPropertyName("predicted")] double Predicted,
    [property: JsonPropertyName("predicted_rank")] int PredictedRank)
{
    [JsonPropertyName("sequence")]
    public long? Sequence { get; init; }

    [JsonPropertyName("accuracy")]
    public double? Accuracy { get; init; }

    /// <summary>The memory efficiency y against the round's base.</summary>
    [JsonPropertyName("measured")]
    public double? Measured { get; init; }

    [JsonPropertyName("measured_rank")]
    public int? MeasuredRank { get; init; }
}
