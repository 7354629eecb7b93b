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

    public override Tensor Scores(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var (hidden, cell) = ranking.initial_state(1);
        var states = new List<Tensor>();
        for (var row = 0; row < features.size(0); row++)
        {
            (hidden, cell) = ranking.forward((features.narrow(0, row, 1), hidden, cell));
            if (row > 0)
            {
                states.Add(hidden);
            }
        }

        return score.forward(torch.cat(states)).flatten().MoveToOuterDisposeScope();
    }
}
