using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// MemNAS's structure-correlation controller: after the encoder, a ranking LSTM cell (<c>ranking</c>) reads the base's
/// feature, then each candidate's in the round's order, and after each candidate a linear layer (<c>score</c>) maps its
/// hidden state to that candidate's score — so a score depends on the base and on the candidates read before it.
/// </summary>
internal sealed class StructureCorrelationNetwork : RankerNetwork
{
    public StructureCorrelationNetwork(int blockWidth, int hiddenUnits)
        : base(blockWidth, hiddenUnits)
    {
        ranking = register_module(nameof(ranking), torch.nn.LSTMCell(hiddenUnits, hiddenUnits));
        score = register_module(nameof(score), torch.nn.Linear(hiddenUnits, 1));
    }

    public LSTMCell ranking { get; }

    public Linear score { get; }

    /// <summary>The rounds of the batch are read side by side, one row each per step of the ranking cell.</summary>
    public override Tensor Scores(Tensor features, RoundBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        var (hidden, cell) = ranking.initial_state(batch.ReadingOrder[0].size(0));
        var states = new List<Tensor>();
        for (var step = 0; step < batch.Steps; step++)
        {
            (hidden, cell) = ranking.forward((features.index_select(0, batch.ReadingOrder[step]), hidden, cell));
            if (step > 0)
            {
                states.Add(hidden);
            }
        }

        var outputs = score.forward(torch.cat(states)).flatten();
        return outputs.index_select(0, batch.OutputOfCandidate).MoveToOuterDisposeScope();
    }
}
