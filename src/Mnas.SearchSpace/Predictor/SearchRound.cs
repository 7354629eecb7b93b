using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Predictor;

/// <summary>
/// One step of an FBNetV3 search, as the campaign records it: the predictor's pretraining, a coarse round (its children,
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
