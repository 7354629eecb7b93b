using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Memnas;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Memnas;

/// <summary>MemNAS settings small enough for a test to run a whole search in seconds: four blocks of MnasNet's choices, a small ranker.</summary>
internal static class SmallMemnas
{
    public static readonly CampaignSpec Spec = new()
    {
        Skeleton = new SkeletonSpec
        {
            StemChannels = 16, Blocks = [new(16, 1, 1), new(24, 2, 2), new(40, 2, 2), new(80, 2, 2)], HeadChannels = 256,
        },
        Target = new TargetSpec { Input = new(3, 32, 32), Classes = 10 },
    };

    public static readonly ModelSpace Space = new(Spec);

    public static MemnasStrategyOptions Options(int rounds = 3, int topK = 2, int patience = 3, ulong seed = 5) => new()
    {
        Base = NamedSamples.MobileNetV2,
        Rounds = rounds,
        TopK = topK,
        Patience = patience,
        Widen = true,
        MemoryLambda = 0.5,
        Ranker = new RankerOptions { HiddenUnits = 8, Epochs = 10, LearningRate = 0.01, Seed = seed },
    };

    public static Sample Base => NamedSamples.Resolve(Space, NamedSamples.MobileNetV2);

    /// <summary>An engine (with no costs: MemNAS counts memory itself) whose children train to <paramref name="accuracy"/> of their sample, <see cref="FakeMemnasAccuracy"/> by default.</summary>
    public static FakePredictorEngine Engine(int workers = 2, int budget = 100, Func<Sample, double>? accuracy = null, Func<Sample, bool>? fails = null,
        ulong? shuffleSeed = null)
    {
        var of = accuracy ?? (s => FakeMemnasAccuracy.Of(Space, s));
        return new FakePredictorEngine(workers, budget, p => of(SampleOf(p)), fails is null ? null : p => fails(SampleOf(p)), shuffleSeed);
    }

    private static Sample SampleOf(Proposal proposal) =>
        proposal.Sample ?? throw new InvalidOperationException($"{proposal.Architecture}: the child carries no sample of the space");
}
