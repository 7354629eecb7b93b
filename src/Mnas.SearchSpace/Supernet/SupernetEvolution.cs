using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// BN-NAS's evolutionary search over a trained supernet's indicator: each iteration's best and mean score among the
/// subnets that meet the campaign's constraints (and how many did), and the best subnets found, which the campaign trains
/// from scratch as children.
/// </summary>
public sealed record SupernetEvolution(
    [property: JsonPropertyName("iterations")] IReadOnlyList<EvolutionIteration> Iterations,
    [property: JsonPropertyName("chosen")] IReadOnlyList<EvolvedSubnet> Chosen)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an evolution; a document that is not one is refused naming the field.</summary>
    public static SupernetEvolution FromJson(string json)
    {
        var evolution = JsonSerializer.Deserialize<SupernetEvolution>(json, Json) ?? throw new InvalidDataException("supernet evolution: empty");
        if (evolution.Iterations is null || evolution.Chosen is null)
        {
            throw new InvalidDataException("supernet evolution: iterations and chosen must be lists");
        }
        if (evolution.Chosen.Any(c => c is null || string.IsNullOrWhiteSpace(c.Architecture) || c.Costs is null))
        {
            throw new InvalidDataException("supernet evolution: chosen: every subnet names its architecture and costs");
        }
        return evolution;
    }
}

/// <summary>One generation: its number (from 1), the best and mean indicator score of its feasible members, and how many were feasible.</summary>
public sealed record EvolutionIteration(
    [property: JsonPropertyName("iteration")] int Iteration,
    [property: JsonPropertyName("best_score")] double BestScore,
    [property: JsonPropertyName("mean_score")] double MeanScore,
    [property: JsonPropertyName("feasible")] int Feasible);

/// <summary>A subnet the evolution chose: its architecture (a <see cref="SupernetChildName"/>), indicator score and costs.</summary>
public sealed record EvolvedSubnet(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("costs")] SupernetLayerCost Costs);
