using Mnas.Strategies;
using Mnas.Strategies.RandomSearch;
using Mnas.Strategies.Rl;

namespace Mnas.Grains;

/// <summary>
/// The strategy a campaign's settings name, seeded with the campaign's seed. The RL controller's policy lags one
/// worker round behind its updates, so an update learns while the workers it freed take their next children.
/// </summary>
public static class StrategyFactory
{
    public static ISearchStrategy Create(CampaignSettings settings, long seed) => settings.Strategy switch
    {
        "rl" => new RlStrategy(new ControllerOptions { MinibatchSize = settings.Minibatch, PolicyLag = settings.Workers, Seed = unchecked((ulong)seed) }),
        "random" => new RandomStrategy(new RandomStrategyOptions { Seed = unchecked((ulong)seed) }),
        _ => throw new ArgumentException($"strategy: unknown strategy '{settings.Strategy}' (known: rl, random)"),
    };
}
