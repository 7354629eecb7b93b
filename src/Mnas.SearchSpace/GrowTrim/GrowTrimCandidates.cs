using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.GrowTrim;

/// <summary>Every grow and every trim of a base network (MemNAS's candidates of a round).</summary>
public static class GrowTrimCandidates
{
    /// <summary>
    /// The candidates of <paramref name="base"/>: deepen, widen (when <paramref name="widen"/>), then per block in order its
    /// layer trim and skip trim; each a valid sample of <paramref name="space"/> whose network differs from the base's by
    /// exactly its operation, none whose network equals the base's or an earlier candidate's.
    /// </summary>
    /// <remarks>
    /// Deepen gives every block whose layer count some layer delta raises by exactly one that delta; widen gives every
    /// block the next wider width multiplier, where that changes its channels; trimming a layer takes the layer delta one
    /// layer lower (never below one layer); trimming a skip sets it to none, where the space offers none and the block's
    /// skip adds an edge at all (<see cref="SkipEdges"/>). Networks are compared by their blocks, the rest being the spec's.
    /// </remarks>
    public static IReadOnlyList<GrowTrimCandidate> Of(ModelSpace space, Sample @base, bool widen)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(@base);
        var blocks = space.Freeze(@base).Blocks;
        var networks = new List<IReadOnlyList<BlockSpec>> { blocks };
        var candidates = new List<GrowTrimCandidate>();
        foreach (var (operation, changes) in Operations(space, @base, blocks, widen))
        {
            var sample = Changed(space, @base, changes);
            var network = space.Freeze(sample).Blocks;
            if (networks.Any(seen => seen.SequenceEqual(network)))
            {
                continue;
            }

            networks.Add(network);
            candidates.Add(new GrowTrimCandidate(operation, sample));
        }

        return candidates;
    }

    /// <summary>Each operation that changes something, with its changed decisions (name → choice index).</summary>
    private static IEnumerable<(GrowTrimOperation Operation, Dictionary<string, int> Changes)> Operations(
        ModelSpace space, Sample @base, IReadOnlyList<BlockSpec> blocks, bool widen)
    {
        var deepen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var block = 1; block <= blocks.Count; block++)
        {
            if (LayerDeltaFor(space, block, blocks[block - 1].Layers + 1) is var index and >= 0)
            {
                deepen[DecisionName(block, "layers")] = index;
            }
        }

        if (deepen.Count > 0)
        {
            yield return (new GrowTrimOperation(GrowTrimKind.Deepen), deepen);
        }

        if (widen && Widened(space, @base, blocks) is { Count: > 0 } widened)
        {
            yield return (new GrowTrimOperation(GrowTrimKind.Widen), widened);
        }

        for (var block = 1; block <= blocks.Count; block++)
        {
            var none = space.GetDecision(DecisionName(block, "skip")).IndexOf(EnumNames<SkipOp>.Name(SkipOp.None));
            var frozen = blocks[block - 1];
            if (frozen.Layers > 1 && LayerDeltaFor(space, block, frozen.Layers - 1) is var index and >= 0)
            {
                yield return (new GrowTrimOperation(GrowTrimKind.TrimLayer, block), new(StringComparer.Ordinal) { [DecisionName(block, "layers")] = index });
            }

            var inChannels = block == 1 ? space.Spec.Skeleton.StemChannels : blocks[block - 2].Channels;
            if (none >= 0 && SkipEdges.Any(frozen, inChannels))
            {
                yield return (new GrowTrimOperation(GrowTrimKind.TrimSkip, block), new(StringComparer.Ordinal) { [DecisionName(block, "skip")] = none });
            }
        }
    }

    /// <summary>Every block's next wider width multiplier, where one exists and changes the block's channels.</summary>
    private static Dictionary<string, int> Widened(ModelSpace space, Sample @base, IReadOnlyList<BlockSpec> blocks)
    {
        var widths = space.Spec.SearchSpace.Widths;
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var block = 1; block <= blocks.Count; block++)
        {
            var name = DecisionName(block, "width");
            var current = widths[@base[name]];
            var next = -1;
            for (var i = 0; i < widths.Count; i++)
            {
                if (widths[i] > current && (next < 0 || widths[i] < widths[next]))
                {
                    next = i;
                }
            }

            if (next >= 0 && ChannelRounding.MakeDivisible(space.Spec.Skeleton.Blocks[block - 1].Channels * widths[next]) != blocks[block - 1].Channels)
            {
                changes[name] = next;
            }
        }

        return changes;
    }

    /// <summary>
    /// The index of the layer delta that gives <paramref name="block"/> <paramref name="layers"/> layers as
    /// <see cref="ModelSpace.Freeze"/> counts them (max(1, skeleton layers + delta)), the largest when several do; -1 when none does.
    /// </summary>
    private static int LayerDeltaFor(ModelSpace space, int block, int layers)
    {
        var skeletonLayers = space.Spec.Skeleton.Blocks[block - 1].Layers;
        var deltas = space.Spec.SearchSpace.LayerDeltas;
        var found = -1;
        for (var i = 0; i < deltas.Count; i++)
        {
            if (Math.Max(1, skeletonLayers + deltas[i]) == layers && (found < 0 || deltas[i] > deltas[found]))
            {
                found = i;
            }
        }

        return found;
    }

    private static Sample Changed(ModelSpace space, Sample @base, IReadOnlyDictionary<string, int> changes)
    {
        var choices = @base.Choices.ToDictionary(c => c.Decision, c => c.Index, StringComparer.Ordinal);
        foreach (var (decision, index) in changes)
        {
            choices[decision] = index;
        }

        return space.Create(choices);
    }

    private static string DecisionName(int block, string kind) => $"b{block}.{kind}";
}
