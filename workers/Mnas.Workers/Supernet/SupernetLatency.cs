using Mnas.Torch;
using Mnas.Workers.Latency;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet's latency, differentiable in the architecture weights: LAT(m) = fixed + Σ_p Σ_c m_{p,c} · LUT(p, c), the
/// lookup table's entries for each candidate at each position (0 for skip), plus the stem and head every child has.
/// </summary>
public sealed class SupernetLatency : IDisposable
{
    private SupernetLatency(double fixedMs, Tensor table, float[] entries) => (FixedMs, Table, Entries) = (fixedMs, table, entries);

    /// <summary>Stem and head, in milliseconds.</summary>
    public double FixedMs { get; }

    /// <summary>[positions, candidates], milliseconds.</summary>
    public Tensor Table { get; }

    /// <summary>The table's values, row by row.</summary>
    public IReadOnlyList<float> Entries { get; }

    /// <summary>From a latency table that holds every candidate at every position (see <see cref="LatencyLookup.Fill"/> over <see cref="SupernetSpace.CandidateArchitectures"/>).</summary>
    public static SupernetLatency From(SupernetSpace space, LatencyTable table)
    {
        var operators = NetworkOperators.Of(space.CandidateArchitectures().First());
        var fixedMs = table.Estimate([operators[0].Key, operators[^1].Key]);
        var count = space.Candidates.Count;
        var entries = new float[space.Positions.Count * count];
        for (var p = 0; p < space.Positions.Count; p++)
        {
            for (var c = 0; c < count; c++)
            {
                entries[(p * count) + c] = space.Offers(p, c) && space.Config(p, c) is { } config ? (float)table.Estimate([config.Key]) : 0f;
            }
        }
        return new SupernetLatency(fixedMs, torch.tensor(entries, [space.Positions.Count, count]), entries);
    }

    /// <summary>The expected latency under the weights (a sample, or the distribution softmax(θ)), in milliseconds.</summary>
    public Tensor Expected(Tensor weights)
    {
        using var scope = torch.NewDisposeScope();
        return ((weights * Table).sum() + FixedMs).MoveToOuterDisposeScope();
    }

    /// <summary>The latency the table gives the architecture of one choice per position.</summary>
    public double Of(IReadOnlyList<int> choices)
    {
        var count = Table.shape[1];
        return FixedMs + choices.Select((c, p) => (double)Entries[(int)((p * count) + c)]).Sum();
    }

    public void Dispose() => Table.Dispose();
}
