using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// MemNAS's settings: the first base network (<c>mobilenet_v2</c>, <c>smallest</c> or a sample of the space), the rounds, the
/// candidates trained per round (top k), the rounds in a row without a better base before it stops, whether growing
/// widens too, λ of the memory efficiency, and the ranker (its kind, size, training and seed). Check them with
/// <see cref="MemnasStrategyOptionsValidator"/>.
/// </summary>
public sealed record MemnasStrategyOptions
{
    public string Base { get; init; } = NamedSamples.MobileNetV2;

    public int Rounds { get; init; } = 8;

    public int TopK { get; init; } = 4;

    public int Patience { get; init; } = 2;

    public bool Widen { get; init; } = true;

    /// <summary>λ of <see cref="Rewards.MemoryEfficiency"/>: 1 is accuracy only, 0 memory only.</summary>
    public double MemoryLambda { get; init; } = 0.5;

    public RankerOptions Ranker { get; init; } = new();

    /// <summary>The structure-correlation controller by default; the absolute predictor for the paper's ablation (not a spec setting).</summary>
    public CandidateRankerKind RankerKind { get; init; } = CandidateRankerKind.StructureCorrelation;

    /// <summary>A campaign's settings: its memnas section, the reward's λ, and the ranker seeded with the campaign's seed.</summary>
    public static MemnasStrategyOptions From(CampaignSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var memnas = spec.Memnas ?? new MemnasSpec();
        return new MemnasStrategyOptions
        {
            Base = memnas.Base,
            Rounds = memnas.Rounds,
            TopK = memnas.TopK,
            Patience = memnas.Patience,
            Widen = memnas.Widen,
            MemoryLambda = (spec.Reward ?? new RewardSpec()).MemoryLambda,
            Ranker = new RankerOptions
            {
                HiddenUnits = memnas.HiddenUnits, Epochs = memnas.ControllerEpochs, LearningRate = memnas.ControllerLearningRate, Seed = seed,
            },
        };
    }
}
