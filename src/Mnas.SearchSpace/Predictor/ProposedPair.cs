using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Predictor;

/// <summary>An architecture–recipe pair a fine stage proposes: its child name (<see cref="Recipes.RecipeChildName"/>), predicted accuracy and costs.</summary>
public sealed record ProposedPair(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("predicted_accuracy")] double PredictedAccuracy,
    [property: JsonPropertyName("costs")] ArchitectureCosts Costs);
