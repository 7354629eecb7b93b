using Mnas.Strategies;
using Mnas.Strategies.RandomSearch;
using Mnas.Strategies.Rl;

namespace Mnas.Grains;

/// <summary>The strategy a campaign's settings name, seeded with the campaign's seed.</summary>
public static class StrategyFactory
{
    public static ISearchStrategy Create(CampaignSettings settings, long seed) => settings.Strategy switch
    {
        "rl" => new RlStrategy(new ControllerOptions { MinibatchSize = settings.Minibatch, Seed = unchecked((ulong)seed) }),
        "random" => new RandomStrategy(new RandomStrategyOptions { Seed = unchecked((ulong)seed) }),
        _ => throw new ArgumentException($"strategy: unknown strategy '{settings.Strategy}' (known: rl, random)"),
    };
}
