using Mnas.SearchSpace.Space;
using Mnas.Torch;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// Several rounds as one batch, so a fit reads them all in one pass: every round's base and candidates stacked as the
/// networks the encoder reads together (round after round, each its base first), the rows the ranking cell reads at each
/// step (one per round; a round with fewer candidates repeats its last one, whose outputs nothing reads, so the longest
/// round sets the steps), and where each candidate's score is among the outputs. Candidates are counted round after
/// round, in each round's order. Its tensors belong to the dispose scope it was made in.
/// </summary>
internal sealed class RoundBatch
{
    public RoundBatch(BlockEncoding encoding, IReadOnlyList<(Sample Base, IReadOnlyList<Sample> Candidates)> rounds)
    {
        var networks = new List<Sample>();
        var starts = new int[rounds.Count];
        for (var r = 0; r < rounds.Count; r++)
        {
            starts[r] = networks.Count;
            networks.Add(rounds[r].Base);
            networks.AddRange(rounds[r].Candidates);
        }

        Blocks = encoding.Batch(networks);
        Steps = 1 + rounds.Max(r => r.Candidates.Count);
        ReadingOrder = Enumerable.Range(0, Steps)
            .Select(step => torch.tensor(rounds.Select((round, r) => (long)(starts[r] + Math.Min(step, round.Candidates.Count))).ToArray()))
            .ToArray();
        var outputs = new List<long>();
        var rows = new List<long>();
        for (var r = 0; r < rounds.Count; r++)
        {
            for (var c = 0; c < rounds[r].Candidates.Count; c++)
            {
                outputs.Add((long)c * rounds.Count + r);
                rows.Add(starts[r] + 1 + c);
            }
        }

        Candidates = rows.Count;
        OutputOfCandidate = torch.tensor(outputs.ToArray());
        RowOfCandidate = torch.tensor(rows.ToArray());
    }

    /// <summary>Every network's block vectors, [blocks, networks, width].</summary>
    public Tensor Blocks { get; }

    /// <summary>Reading steps: the base, then as many as the longest round has candidates.</summary>
    public int Steps { get; }

    /// <summary>Per step, the network row each round reads (int64, [rounds]).</summary>
    public IReadOnlyList<Tensor> ReadingOrder { get; }

    /// <summary>Candidates in all, the length of every score vector of the batch.</summary>
    public int Candidates { get; }

    /// <summary>Each candidate's place among the ranking outputs flattened as [steps − 1, rounds] (int64, [candidates]).</summary>
    public Tensor OutputOfCandidate { get; }

    /// <summary>Each candidate's network row (int64, [candidates]).</summary>
    public Tensor RowOfCandidate { get; }
}
