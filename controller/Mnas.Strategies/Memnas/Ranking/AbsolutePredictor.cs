using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// The absolute predictor of MemNAS's ablation: the controller's encoder, then two ReLU layers and a linear score over
/// each candidate's own feature, so a candidate is scored alone — whatever the base and the other candidates are. Its
/// layers are as wide as makes its parameters about as many as the <see cref="StructureCorrelationController"/>'s of the
/// same hidden units, so the two differ in what they read, not in size. Weights come from
/// <see cref="RankerOptions.Seed"/>, or from a state <see cref="SaveState"/> wrote (of the same space and hidden units).
/// </summary>
public sealed class AbsolutePredictor : ICandidateRanker
{
    private const string Kind = "memnas-absolute-predictor";

    private readonly NetworkRanker ranker;

    public AbsolutePredictor(ModelSpace space, RankerOptions options, byte[]? state = null) =>
        ranker = new NetworkRanker(space, options, state, Kind, (width, hidden) => new AbsolutePredictorNetwork(width, hidden));

    /// <summary>Trainable numbers: the encoder's and the layers'.</summary>
    public long ParameterCount => ranker.ParameterCount;

    public IReadOnlyList<double> Score(Sample @base, IReadOnlyList<Sample> candidates) => ranker.Score(@base, candidates);

    public double Fit(IReadOnlyList<RankingRound> rounds) => ranker.Fit(rounds);

    public byte[] SaveState() => ranker.SaveState();

    public void Dispose() => ranker.Dispose();
}
