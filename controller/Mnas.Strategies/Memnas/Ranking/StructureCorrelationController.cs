using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// MemNAS's structure-correlation controller. An encoder LSTM cell reads each network's block vectors
/// (<see cref="BlockEncoding"/>) in order and its last hidden state is the network's feature; a ranking LSTM cell reads
/// the base's feature, then each candidate's in the round's order, and after each candidate a linear layer maps its hidden
/// state to that candidate's score. A score so depends on the base and on the candidates read before it — the
/// correlation between structures the paper ranks by. Weights come from <see cref="RankerOptions.Seed"/>, or from a state
/// <see cref="SaveState"/> wrote (of the same space and hidden units; another is refused with an
/// <see cref="InvalidDataException"/>).
/// </summary>
public sealed class StructureCorrelationController : ICandidateRanker
{
    private const string Kind = "memnas-structure-correlation-controller";

    private readonly NetworkRanker ranker;

    public StructureCorrelationController(ModelSpace space, RankerOptions options, byte[]? state = null) =>
        ranker = new NetworkRanker(space, options, state, Kind, (width, hidden) => new StructureCorrelationNetwork(width, hidden));

    /// <summary>Trainable numbers: the encoder's, the ranking cell's and the score layer's.</summary>
    public long ParameterCount => ranker.ParameterCount;

    public IReadOnlyList<double> Score(Sample @base, IReadOnlyList<Sample> candidates) => ranker.Score(@base, candidates);

    public double Fit(IReadOnlyList<RankingRound> rounds) => ranker.Fit(rounds);

    public byte[] SaveState() => ranker.SaveState();

    public void Dispose() => ranker.Dispose();
}
