using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// The costs of a single-path supernet's subnets without building them: a subnet's latency, parameters and
/// multiply-adds are the fixed part's plus each layer's chosen candidate's, its peak activation memory the largest of
/// the fixed part's and the layers' (layers run one after another, and a layer's tensors are freed before the next
/// one's intermediates exist). <see cref="Layers"/>[p][c] is null where layer p does not offer candidate c.
/// </summary>
public sealed record SupernetCosts(
    [property: JsonPropertyName("fixed")] SupernetLayerCost Fixed,
    [property: JsonPropertyName("layers")] IReadOnlyList<IReadOnlyList<SupernetLayerCost?>> Layers)
{
    /// <summary>The costs of the subnet that picks <paramref name="choice"/>[p] at each layer p.</summary>
    public SupernetLayerCost Of(IReadOnlyList<int> choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Count != Layers.Count)
        {
            throw new ArgumentException($"choice: one candidate per layer ({Layers.Count}), not {choice.Count}", nameof(choice));
        }
        var (latency, parameters, macs, peak) = (Fixed.LatencyMs, Fixed.Params, Fixed.Macs, Fixed.PeakActivationBytes);
        for (var p = 0; p < choice.Count; p++)
        {
            var cost = choice[p] >= 0 && choice[p] < Layers[p].Count ? Layers[p][choice[p]] : null;
            if (cost is null)
            {
                throw new ArgumentException($"choice[{p}]: layer {p} does not offer candidate {choice[p]}", nameof(choice));
            }
            (latency, parameters, macs, peak) = (latency + cost.LatencyMs, parameters + cost.Params, macs + cost.Macs, Math.Max(peak, cost.PeakActivationBytes));
        }
        return new SupernetLayerCost(latency, parameters, macs, peak);
    }

    /// <summary>Whether layer <paramref name="layer"/> offers candidate <paramref name="candidate"/>.</summary>
    public bool Offers(int layer, int candidate) => Layers[layer][candidate] is not null;
}
