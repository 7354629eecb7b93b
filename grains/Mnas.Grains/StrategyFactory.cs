using Mnas.SearchSpace.Spec;
using Mnas.Strategies;
using Mnas.Strategies.Dnas;
using Mnas.Strategies.RandomSearch;
using Mnas.Strategies.Rl;

namespace Mnas.Grains;

/// <summary>
/// The strategy a campaign's settings name, seeded with the campaign's seed. The RL controller's policy lags one
/// worker round behind its updates, so an update learns while the workers it freed take their next children.
/// </summary>
public static class StrategyFactory
{
    /// <param name="spec">The campaign's spec: a differentiable strategy draws its dnas.samples children from the supernet.</param>
    public static ISearchStrategy Create(CampaignSettings settings, long seed, CampaignSpec? spec = null) => settings.Strategy switch
    {
        "fbnet" or "fbnetv2" => new DnasStrategy(new DnasStrategyOptions
        {
            Name = settings.Strategy, Samples = (spec ?? throw new ArgumentNullException(nameof(spec), $"a {settings.Strategy} campaign's strategy needs its spec")).Dnas.Samples,
            Seed = unchecked((ulong)seed),
        }),
        "rl" => new RlStrategy(new ControllerOptions { MinibatchSize = settings.Minibatch, PolicyLag = settings.Workers, Seed = unchecked((ulong)seed) }),
        "random" => new RandomStrategy(new RandomStrategyOptions { Seed = unchecked((ulong)seed) }),
        _ => throw new ArgumentException($"strategy: unknown strategy '{settings.Strategy}' (known: {string.Join(", ", CampaignSettings.Strategies)})"),
    };
}
