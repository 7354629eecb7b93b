using System.Globalization;
using Mnas.SearchSpace.Supernet;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Supernet;

/// <summary>
/// BN-NAS's indicator: a candidate at a position scores the mean |γ| of its last batch norm in the trained supernet,
/// a subnet the sum of its layers' scores. Only candidates that end with a batch norm can be scored: skip cannot.
/// </summary>
public static class BnIndicator
{
    /// <summary>Why the candidates cannot all be scored, or null when they can.</summary>
    public static string? Problem(IReadOnlyList<SupernetCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var unscorable = candidates.Where(c => c.IsSkip).Select(c => c.Name).ToList();
        return unscorable.Count == 0
            ? null
            : $"candidates: {string.Join(", ", unscorable)} ends with no batch norm; BN-NAS scores each candidate by its last batch norm: leave it out";
    }

    public static void ThrowIfUnscorable(IReadOnlyList<SupernetCandidate> candidates)
    {
        if (Problem(candidates) is { } problem)
        {
            throw new ArgumentException(problem, nameof(candidates));
        }
    }

    /// <summary>The last batch norm of the candidate's layer at the position, or null where the position does not offer it.</summary>
    public static BatchNorm2d? LastBatchNorm(SupernetNetwork network, int position, int candidate)
    {
        ArgumentNullException.ThrowIfNull(network);
        var name = string.Create(CultureInfo.InvariantCulture, $"layer{position}.candidate{candidate}");
        return network.named_modules().FirstOrDefault(m => m.Name == name).Module is ChildLayer layer ? layer.LastBatchNorm : null;
    }

    /// <summary>[positions][candidates]: each candidate's mean |γ| at each position, 0 where the position does not offer it.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Scores(SupernetNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var space = network.Space;
        var layers = network.named_modules().Where(m => m.Module is ChildLayer).ToDictionary(m => m.Name, m => (ChildLayer)m.Module, StringComparer.Ordinal);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        return space.Positions.Select(p => (IReadOnlyList<double>)space.Candidates.Select((_, c) =>
            space.Offers(p.Index, c) && layers.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"layer{p.Index}.candidate{c}"), out var layer)
                ? MeanAbsoluteScale(layer.LastBatchNorm)
                : 0.0).ToArray()).ToList();
    }

    /// <summary>A subnet's score: the sum of its chosen candidates' scores, <paramref name="choice"/>[p] at position p.</summary>
    public static double Score(IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<int> choice)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Count != scores.Count)
        {
            throw new ArgumentException($"choice: one candidate per position ({scores.Count}), not {choice.Count}", nameof(choice));
        }
        return choice.Select((c, p) => scores[p][c]).Sum();
    }

    private static double MeanAbsoluteScale(BatchNorm2d norm) =>
        norm.weight is { } gamma ? gamma.abs().mean().to("cpu").item<float>() : throw new InvalidOperationException("a batch norm without γ cannot be scored");
}
