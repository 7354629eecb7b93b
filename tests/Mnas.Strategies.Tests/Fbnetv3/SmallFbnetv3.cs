using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Fbnetv3;

/// <summary>FBNetV3 settings small enough for a test to run a whole search in seconds, on MnasNet's full space.</summary>
internal static class SmallFbnetv3
{
    public static ModelSpace Space => Spaces.Default;

    public static Fbnetv3Spec Spec { get; } = new()
    {
        HiddenUnits = 16,
        PretrainArchitectures = 48,
        PretrainEpochs = 4,
        PredictorEpochs = 24,
        FrozenEpochs = 8,
        Rounds = 2,
        ChildrenPerRound = 4,
        Pool = 32,
        Population = 16,
        TopK = 4,
        MaxIterations = 4,
        FinalChildren = 2,
    };

    /// <summary>A parameter limit about half of random architectures meet.</summary>
    public static long MedianParams { get; } = new FakePairCosts(Spaces.Default).ParamsQuantile(0.5);

    /// <summary>The costs <see cref="Engine"/> gives (cached per architecture).</summary>
    public static FakePairCosts Costs { get; } = new(Spaces.Default);

    /// <summary>An engine whose children train to <see cref="FakeAccuracy"/> of their name and whose costs are <see cref="Costs"/>'.</summary>
    public static FakePredictorEngine Engine(int workers, int budget, Func<string, bool>? fails = null, ulong? shuffleSeed = null) =>
        new(workers, budget, p => FakeAccuracy.Of(Space, p.Architecture), fails is null ? null : p => fails(p.Architecture), shuffleSeed, Costs.Of);

    public static Fbnetv3StrategyOptions Options(ulong seed = 5) =>
        new() { Spec = Spec, Constraints = new PairConstraints { MaxParams = MedianParams }, Seed = seed };
}
