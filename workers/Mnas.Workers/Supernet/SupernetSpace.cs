using Mnas.SearchSpace.Supernet;
using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;

namespace Mnas.Workers.Supernet;

/// <summary>
/// FBNet's layer-wise space over a fixed macro-architecture: every layer of the frame's blocks is a searchable position
/// that picks one candidate; a choice per position is an architecture whose blocks are single layers (a skipped
/// position is left out). The frame gives the input, stem, each block's channels, layer count and first stride, the
/// head and the classifier; its blocks' operations are not read. A grouped candidate (<c>k3_e1_g2</c>) is offered only
/// at the positions whose input and output channels its groups divide, as skip only where shapes match.
/// </summary>
public sealed class SupernetSpace
{
    /// <summary>Added to the logits of a candidate a position does not offer: its Gumbel-softmax weight is then exactly 0.</summary>
    public const double Unavailable = -1e4;

    private readonly Architecture frame;
    private readonly LayerConfig?[][] configs;

    public SupernetSpace(Architecture frame, IReadOnlyList<SupernetCandidate> candidates)
    {
        if (candidates.Count == 0 || candidates.All(c => c.IsSkip))
        {
            throw new ArgumentException("candidates: at least one that is not skip", nameof(candidates));
        }
        if (candidates.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != candidates.Count)
        {
            throw new ArgumentException("candidates: each name once", nameof(candidates));
        }
        this.frame = frame;
        Candidates = candidates;
        var positions = new List<SupernetPosition>();
        var channels = frame.StemChannels;
        foreach (var block in frame.Blocks)
        {
            for (var layer = 0; layer < block.Layers; layer++)
            {
                var stride = layer == 0 ? block.Stride : 1;
                positions.Add(new SupernetPosition(positions.Count, channels, block.Channels, stride));
                channels = block.Channels;
            }
        }
        Positions = positions;
        if (positions.FirstOrDefault(p => !candidates.Any(c => Offers(p, c))) is { } bare)
        {
            throw new ArgumentException(
                $"candidates: position {bare.Index} ({bare.InChannels} → {bare.OutChannels} channels, stride {bare.Stride}) offers none of them: " +
                "grouped ones need groups that divide its channels, skip matching shapes", nameof(candidates));
        }
        configs = candidates.Select((c, i) => c.IsSkip ? new LayerConfig?[positions.Count] : LayerGraph.FromArchitecture(Uniform(c)).Layers
            .Select((l, p) => Offers(p, i) ? l.Config : null).ToArray()).ToArray();
    }

    public IReadOnlyList<SupernetCandidate> Candidates { get; }

    public IReadOnlyList<SupernetPosition> Positions { get; }

    public Architecture Frame => frame;

    /// <summary>The candidates and every position's channels and stride: a saved search fits only a supernet of the same signature.</summary>
    public string Signature =>
        string.Join(",", Candidates.Select(c => c.Name)) + "|" +
        string.Join(",", Positions.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.InChannels}-{p.OutChannels}-s{p.Stride}")));

    /// <summary>
    /// Whether the position offers the candidate: skip only where the layer's input and output shapes match, a grouped
    /// candidate only where its groups divide the layer's input and output channels (elsewhere its 1×1 group
    /// convolutions cannot be built, and an architecture holding it there is invalid).
    /// </summary>
    public bool Offers(int position, int candidate) => Offers(Positions[position], Candidates[candidate]);

    /// <summary>
    /// The layer the candidate is at the position: the child's own layer, built and timed alike; null for skip and where
    /// the position does not offer the candidate (the supernet then holds no module for it).
    /// </summary>
    public LayerConfig? Config(int position, int candidate) => configs[candidate][position];

    /// <summary>[positions, candidates]: 0 where offered, <see cref="Unavailable"/> elsewhere; added to the logits.</summary>
    public Tensor Mask()
    {
        var values = new float[Positions.Count * Candidates.Count];
        for (var p = 0; p < Positions.Count; p++)
        {
            for (var c = 0; c < Candidates.Count; c++)
            {
                values[(p * Candidates.Count) + c] = Offers(p, c) ? 0f : (float)Unavailable;
            }
        }
        return torch.tensor(values, [Positions.Count, Candidates.Count]);
    }

    /// <summary>The architecture that picks <paramref name="choices"/>[p] at each position p; skipped positions are left out.</summary>
    public Architecture ToArchitecture(IReadOnlyList<int> choices, string? name = null)
    {
        if (choices.Count != Positions.Count)
        {
            throw new ArgumentException($"choices: one per position ({Positions.Count}), not {choices.Count}", nameof(choices));
        }
        var blocks = new List<BlockSpec>();
        for (var p = 0; p < choices.Count; p++)
        {
            if (choices[p] < 0 || choices[p] >= Candidates.Count || !Offers(p, choices[p]))
            {
                throw new ArgumentException($"choices[{p}]: position {p} does not offer candidate {choices[p]}", nameof(choices));
            }
            var candidate = Candidates[choices[p]];
            if (!candidate.IsSkip)
            {
                blocks.Add(Layer(candidate, Positions[p]));
            }
        }
        return frame with
        {
            Name = name ?? string.Join("-", choices.Select(c => Candidates[c].Name)),
            Blocks = blocks,
        };
    }

    /// <summary>Every position with the same candidate (skip nowhere): the architectures whose layers give the candidates' configurations and latency entries.</summary>
    public IEnumerable<Architecture> CandidateArchitectures() => Candidates.Where(c => !c.IsSkip).Select(Uniform);

    private static bool Offers(SupernetPosition position, SupernetCandidate candidate) =>
        candidate.IsSkip ? position.Skippable : position.Divides(candidate.Groups);

    /// <remarks>
    /// A uniform architecture needs a layer at every position, to carry the shapes on to the next one. Where a grouped
    /// candidate is not offered (its groups do not divide the channels), that position holds the same candidate with
    /// one group instead: a valid architecture, whose layer there may be timed for the table but is never offered —
    /// the position's mask is <see cref="Unavailable"/>, its <see cref="Config"/> null (no module in the supernet, a
    /// latency entry of 0) and <see cref="ToArchitecture"/> refuses it — so no sampled child ever holds it. With one
    /// group at expansion 1 that layer is the ungrouped candidate's own (<c>k3_e1</c> for <c>k3_e1_g2</c>), already in
    /// the table.
    /// </remarks>
    private Architecture Uniform(SupernetCandidate candidate) =>
        frame with
        {
            Name = $"supernet-{candidate.Name}",
            Blocks = Positions.Select(p => Layer(Offers(p, candidate) ? candidate : candidate with { Groups = 1 }, p)).ToList(),
        };

    private static BlockSpec Layer(SupernetCandidate candidate, SupernetPosition position) =>
        new(ConvOp.MBConv, candidate.Expansion, candidate.Kernel, 0, SkipOp.Identity, position.OutChannels, 1, position.Stride, candidate.Groups);
}

/// <summary>A searchable layer: its index, channels in and out, and stride.</summary>
public sealed record SupernetPosition(int Index, int InChannels, int OutChannels, int Stride)
{
    public bool Skippable => InChannels == OutChannels && Stride == 1;

    /// <summary>Whether 1×1 group convolutions of this many groups fit the layer: the groups divide its input and output channels.</summary>
    public bool Divides(int groups) => groups >= 1 && InChannels % groups == 0 && OutChannels % groups == 0;
}
