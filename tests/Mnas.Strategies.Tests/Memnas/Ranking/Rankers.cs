using Mnas.SearchSpace.Space;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

/// <summary>Both rankers by name, for tests that hold of each.</summary>
internal static class Rankers
{
    public const string Controller = "controller";
    public const string Absolute = "absolute";

    /// <summary>Small and quick: what the behaviour tests need, not what ranks well.</summary>
    public static readonly RankerOptions Small = new() { HiddenUnits = 8, Epochs = 5, LearningRate = 0.01, Seed = 7 };

    public static ICandidateRanker Create(string kind, RankerOptions options, byte[]? state = null, ModelSpace? space = null) => kind switch
    {
        Controller => new StructureCorrelationController(space ?? SyntheticRounds.Space, options, state),
        Absolute => new AbsolutePredictor(space ?? SyntheticRounds.Space, options, state),
        _ => throw new ArgumentException($"unknown ranker '{kind}'", nameof(kind)),
    };
}
