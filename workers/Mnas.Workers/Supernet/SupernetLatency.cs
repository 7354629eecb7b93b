using Mnas.Torch;
using Mnas.Workers.Latency;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet's latency, differentiable in the architecture weights: LAT(m) = fixed + Σ_p Σ_c m_{p,c} · LUT(p, c), the
/// lookup table's entries for each candidate at each position (0 for skip), plus the stem and head every child has.
/// With a channel search, LAT(m, g) = fixed + Σ_w Σ_p g_{p,w} Σ_c m_{p,c} · LUT_w(p, c): each width's entries come from
/// the frame at that width, and the stem and head are the widest frame's. With a resolution search over factors r,
/// LAT(m, g, h) = Σ_r h_r · LAT_r(m, g), where LAT_r takes every entry, stem and head included, from the frame at r (its
/// input down-sampled by r, so every position's input shrinks with it): the table is [resolutions, widths, positions,
/// candidates] and the stem and head one per resolution.
/// </summary>
public sealed class SupernetLatency : IDisposable
{
    private readonly int widths;
    private readonly int positions;
    private readonly int candidates;
    private readonly double[] fixedMs;

    private SupernetLatency(double[] fixedMs, float[] entries, int resolutions, int widths, int positions, int candidates)
    {
        (this.fixedMs, Entries, this.widths, this.positions, this.candidates) = (fixedMs, entries, widths, positions, candidates);
        Table = torch.tensor(entries, [resolutions, widths, positions, candidates]).DetachFromDisposeScope();
        FixedTable = torch.tensor(fixedMs.Select(f => (float)f).ToArray(), [resolutions]).DetachFromDisposeScope();
    }

    /// <summary>Stem and head, in milliseconds (at the first resolution, the only one without a resolution search).</summary>
    public double FixedMs => fixedMs[0];

    /// <summary>[resolutions, widths, positions, candidates], milliseconds (one resolution and one width where those are not searched).</summary>
    public Tensor Table { get; }

    /// <summary>[resolutions]: stem and head at each resolution, milliseconds.</summary>
    public Tensor FixedTable { get; }

    /// <summary>The table's values, resolution by resolution, width by width, row by row.</summary>
    public IReadOnlyList<float> Entries { get; }

    public int Resolutions => fixedMs.Length;

    public int Widths => widths;

    /// <summary>Stem and head at a resolution (its index among the factors), in milliseconds.</summary>
    public double FixedMsAt(int resolution) => fixedMs[resolution];

    /// <summary>From a latency table that holds every candidate at every position (see <see cref="LatencyLookup.Fill"/> over <see cref="SupernetSpace.CandidateArchitectures"/>).</summary>
    public static SupernetLatency From(SupernetSpace space, LatencyTable table) => From([[space]], space, table);

    /// <summary>With a channel search: every candidate at every position at every width (the table filled over each space's candidate architectures).</summary>
    public static SupernetLatency From(WidthSearch search, LatencyTable table) => From([search.Spaces], search.Widest, table);

    /// <summary>
    /// With a resolution search: one space per factor, in the factors' order, each over the frame at that factor
    /// (<see cref="SupernetResolution.Apply"/>); the table filled over every space's candidate architectures.
    /// </summary>
    public static SupernetLatency From(IReadOnlyList<SupernetSpace> resolutions, LatencyTable table) =>
        From(resolutions.Select(s => (IReadOnlyList<SupernetSpace>)[s]).ToList(), resolutions[0], table);

    /// <summary>With a resolution search and a channel search: one channel search per factor, in the factors' order, each over the frame at that factor.</summary>
    public static SupernetLatency From(IReadOnlyList<WidthSearch> resolutions, LatencyTable table) =>
        From(resolutions.Select(s => s.Spaces).ToList(), resolutions[0].Widest, table);

    /// <param name="spaces">[resolution][width]: the spaces whose layers are timed.</param>
    /// <param name="shape">A space of the supernet's shape: which candidates each position offers.</param>
    private static SupernetLatency From(IReadOnlyList<IReadOnlyList<SupernetSpace>> spaces, SupernetSpace shape, LatencyTable table)
    {
        var (count, positions, widths) = (shape.Candidates.Count, shape.Positions.Count, spaces[0].Count);
        if (spaces.Any(r => r.Count != widths || r.Any(s => s.Candidates.Count != count || s.Positions.Count != positions)))
        {
            throw new ArgumentException("resolutions: the same candidates, positions and widths at every resolution", nameof(spaces));
        }
        var fixedMs = new double[spaces.Count];
        var entries = new float[spaces.Count * widths * positions * count];
        for (var r = 0; r < spaces.Count; r++)
        {
            // The stem and head of the widest frame at this resolution.
            var widest = spaces[r].MaxBy(s => s.Positions.Count > 0 ? s.Positions[^1].OutChannels : 0)!;
            var operators = NetworkOperators.Of(widest.CandidateArchitectures().First());
            fixedMs[r] = table.Estimate([operators[0].Key, operators[^1].Key]);
            for (var w = 0; w < widths; w++)
            {
                for (var p = 0; p < positions; p++)
                {
                    for (var c = 0; c < count; c++)
                    {
                        entries[(((((r * widths) + w) * positions) + p) * count) + c] =
                            shape.Offers(p, c) && spaces[r][w].Config(p, c) is { } config ? (float)table.Estimate([config.Key]) : 0f;
                    }
                }
            }
        }
        return new SupernetLatency(fixedMs, entries, spaces.Count, widths, positions, count);
    }

    /// <summary>
    /// The expected latency under the weights (a sample, or the distribution softmax(θ)), in milliseconds; with a channel
    /// search, under the widths' weights too; with a resolution search, under the resolutions' weights too.
    /// </summary>
    /// <param name="weights">[positions, candidates].</param>
    /// <param name="widthWeights">[positions, widths], with a channel search.</param>
    /// <param name="resolutionWeights">[resolutions], with a resolution search.</param>
    public Tensor Expected(Tensor weights, Tensor? widthWeights = null, Tensor? resolutionWeights = null)
    {
        if (widthWeights is null && Widths != 1)
        {
            throw new ArgumentException("widthWeights: this table holds several widths: give their weights", nameof(widthWeights));
        }
        if (resolutionWeights is null && Resolutions != 1)
        {
            throw new ArgumentException("resolutionWeights: this table holds several resolutions: give their weights", nameof(resolutionWeights));
        }
        using var scope = torch.NewDisposeScope();
        if (resolutionWeights is null)
        {
            return (Layers(weights, widthWeights, Table.select(0, 0)) + FixedMs).MoveToOuterDisposeScope();
        }
        var perResolution = torch.stack(Enumerable.Range(0, Resolutions).Select(r => Layers(weights, widthWeights, Table.select(0, r))).ToArray())
            + FixedTable.to(weights.dtype);
        return (perResolution * resolutionWeights).sum().MoveToOuterDisposeScope();
    }

    /// <summary>The layers' part at one resolution: [widths, positions, candidates] of the table.</summary>
    private static Tensor Layers(Tensor weights, Tensor? widthWeights, Tensor table)
    {
        if (widthWeights is null)
        {
            return (weights * table.select(0, 0)).sum();
        }
        var perWidth = (weights.unsqueeze(0) * table).sum(-1);
        return (perWidth * widthWeights.t()).sum();
    }

    /// <summary>The latency the table gives one architecture of the supernet.</summary>
    public double Of(SupernetChoice choice)
    {
        var r = choice.Resolution ?? 0;
        return FixedMsAt(r) + choice.Candidates.Select((c, p) =>
            (double)Entries[(((((r * widths) + (choice.Widths?[p] ?? 0)) * positions) + p) * candidates) + c]).Sum();
    }

    public void Dispose()
    {
        Table.Dispose();
        FixedTable.Dispose();
    }
}
