using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// What a trained supernet leaves: P_θ over the candidates at every searchable layer (a candidate a layer does not offer
/// has probability 0), with a channel search P_θ over each layer's width multipliers, with a resolution search P_θ over
/// the input sub-sampling factors, the expected latency under it (ms), and the epochs trained. Children are drawn from it.
/// A single-path supernet (BN-NAS) leaves its sampling distribution (uniform over what each layer offers) with, in
/// <see cref="Scores"/>, the BN indicator of every candidate at every layer and, in <see cref="Costs"/>, what each costs:
/// the evolution searches those.
/// </summary>
public sealed record SupernetPosterior(
    [property: JsonPropertyName("candidates")] IReadOnlyList<string> Candidates,
    [property: JsonPropertyName("distributions")] IReadOnlyList<IReadOnlyList<double>> Distributions,
    [property: JsonPropertyName("widths")] IReadOnlyList<double>? Widths,
    [property: JsonPropertyName("width_distributions")] IReadOnlyList<IReadOnlyList<double>>? WidthDistributions,
    [property: JsonPropertyName("resolutions")] IReadOnlyList<int>? Resolutions,
    [property: JsonPropertyName("resolution_distribution")] IReadOnlyList<double>? ResolutionDistribution,
    [property: JsonPropertyName("expected_latency_ms")] double ExpectedLatencyMs,
    [property: JsonPropertyName("epochs")] int Epochs)
{
    /// <summary>BN-NAS: [layers][candidates], the mean |γ| of each candidate's last batch norm (0 where not offered).</summary>
    [JsonPropertyName("scores")]
    public IReadOnlyList<IReadOnlyList<double>>? Scores { get; init; }

    /// <summary>BN-NAS: the costs of every candidate at every layer, and of the fixed part.</summary>
    [JsonPropertyName("costs")]
    public SupernetCosts? Costs { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a posterior; a document that is not one (missing lists, rows of the wrong length) is refused naming the field.</summary>
    public static SupernetPosterior FromJson(string json)
    {
        var posterior = JsonSerializer.Deserialize<SupernetPosterior>(json, Json) ?? throw new InvalidDataException("supernet posterior: empty");
        posterior.ThrowIfInconsistent();
        return posterior;
    }

    public void ThrowIfInconsistent()
    {
        if (Candidates is not { Count: > 0 } || Distributions is not { Count: > 0 })
        {
            throw new InvalidDataException("supernet posterior: candidates and distributions must not be empty");
        }
        if (Distributions.Any(d => d is null || d.Count != Candidates.Count))
        {
            throw new InvalidDataException($"supernet posterior: distributions: one probability per candidate ({Candidates.Count}) at every layer");
        }
        if ((Widths is null) != (WidthDistributions is null) ||
            (WidthDistributions is { } w && (w.Count != Distributions.Count || w.Any(d => d is null || d.Count != Widths!.Count))))
        {
            throw new InvalidDataException("supernet posterior: width_distributions: one probability per width at every layer, given with widths");
        }
        if ((Resolutions is null) != (ResolutionDistribution is null) || (ResolutionDistribution is { } r && r.Count != Resolutions!.Count))
        {
            throw new InvalidDataException("supernet posterior: resolution_distribution: one probability per resolution, given with resolutions");
        }
        if ((Scores is null) != (Costs is null) || (Scores is { } s && (s.Count != Distributions.Count || s.Any(l => l is null || l.Count != Candidates.Count ||
            l.Any(v => !double.IsFinite(v))))))
        {
            throw new InvalidDataException("supernet posterior: scores: one finite score per candidate at every layer, given with costs");
        }
        if (Costs is { } c && (c.Fixed is null || c.Layers is null || c.Layers.Count != Distributions.Count || c.Layers.Any(l => l is null || l.Count != Candidates.Count)))
        {
            throw new InvalidDataException("supernet posterior: costs: a fixed part and one entry per candidate at every layer");
        }
    }
}
