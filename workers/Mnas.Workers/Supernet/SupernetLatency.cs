using Mnas.Torch;
using Mnas.Workers.Latency;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet's latency, differentiable in the architecture weights: LAT(m) = fixed + Σ_p Σ_c m_{p,c} · LUT(p, c), the
/// lookup table's entries for each candidate at each position (0 for skip), plus the stem and head every child has.
/// With a channel search, LAT(m, g) = fixed + Σ_w Σ_p g_{p,w} Σ_c m_{p,c} · LUT_w(p, c): each width's entries come from
/// the frame at that width, and the stem and head are the widest frame's.
/// </summary>
public sealed class SupernetLatency : IDisposable
{
    private readonly int positions;
    private readonly int candidates;

    private SupernetLatency(double fixedMs, float[] entries, int widths, int positions, int candidates)
    {
        (FixedMs, Entries, this.positions, this.candidates) = (fixedMs, entries, positions, candidates);
        Table = torch.tensor(entries, [widths, positions, candidates]).DetachFromDisposeScope();
    }

    /// <summary>Stem and head, in milliseconds.</summary>
    public double FixedMs { get; }

    /// <summary>[widths, positions, candidates], milliseconds (one width without a channel search).</summary>
    public Tensor Table { get; }

    /// <summary>The table's values, width by width, row by row.</summary>
    public IReadOnlyList<float> Entries { get; }

    public int Widths => (int)Table.shape[0];

    /// <summary>From a latency table that holds every candidate at every position (see <see cref="LatencyLookup.Fill"/> over <see cref="SupernetSpace.CandidateArchitectures"/>).</summary>
    public static SupernetLatency From(SupernetSpace space, LatencyTable table) => From([space], space, table);

    /// <summary>With a channel search: every candidate at every position at every width (the table filled over each space's candidate architectures).</summary>
    public static SupernetLatency From(WidthSearch search, LatencyTable table) => From(search.Spaces, search.Widest, table);

    private static SupernetLatency From(IReadOnlyList<SupernetSpace> spaces, SupernetSpace widest, LatencyTable table)
    {
        var operators = NetworkOperators.Of(widest.CandidateArchitectures().First());
        var fixedMs = table.Estimate([operators[0].Key, operators[^1].Key]);
        var (count, positions) = (widest.Candidates.Count, widest.Positions.Count);
        var entries = new float[spaces.Count * positions * count];
        for (var w = 0; w < spaces.Count; w++)
        {
            for (var p = 0; p < positions; p++)
            {
                for (var c = 0; c < count; c++)
                {
                    entries[(((w * positions) + p) * count) + c] =
                        widest.Offers(p, c) && spaces[w].Config(p, c) is { } config ? (float)table.Estimate([config.Key]) : 0f;
                }
            }
        }
        return new SupernetLatency(fixedMs, entries, spaces.Count, positions, count);
    }

    /// <summary>
    /// The expected latency under the weights (a sample, or the distribution softmax(θ)), in milliseconds; with a channel
    /// search, under the widths' weights too.
    /// </summary>
    public Tensor Expected(Tensor weights, Tensor? widthWeights = null)
    {
        using var scope = torch.NewDisposeScope();
        if (widthWeights is null)
        {
            if (Widths != 1)
            {
                throw new ArgumentException("widthWeights: this table holds several widths: give their weights", nameof(widthWeights));
            }
            return ((weights * Table.select(0, 0)).sum() + FixedMs).MoveToOuterDisposeScope();
        }
        var perWidth = (weights.unsqueeze(0) * Table).sum(-1);
        return ((perWidth * widthWeights.t()).sum() + FixedMs).MoveToOuterDisposeScope();
    }

    /// <summary>The latency the table gives one architecture of the supernet.</summary>
    public double Of(SupernetChoice choice) =>
        FixedMs + choice.Candidates.Select((c, p) => (double)Entries[(((choice.Widths?[p] ?? 0) * positions) + p) * candidates + c]).Sum();

    public void Dispose() => Table.Dispose();
}
