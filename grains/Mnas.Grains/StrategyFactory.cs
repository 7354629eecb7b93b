using Mnas.SearchSpace.Spec;
using Mnas.Strategies;
using Mnas.Strategies.BnNas;
using Mnas.Strategies.Dnas;
using Mnas.Strategies.Fbnetv3;
using Mnas.Strategies.Memnas;
using Mnas.Strategies.RandomSearch;
using Mnas.Strategies.Rl;

namespace Mnas.Grains;

/// <summary>
/// The strategy a campaign's settings name, seeded with the campaign's seed. The RL controller's policy lags one
/// worker round behind its updates, so an update learns while the workers it freed take their next children.
/// </summary>
public static class StrategyFactory
{
    /// <param name="spec">The campaign's spec: a differentiable strategy draws its dnas.samples children from the supernet, BN-NAS reads its bnnas section, FBNetV3 its fbnetv3 section and constraints.</param>
    public static ISearchStrategy Create(CampaignSettings settings, long seed, CampaignSpec? spec = null) => settings.Strategy switch
    {
        "fbnet" or "fbnetv2" => new DnasStrategy(new DnasStrategyOptions
        {
            Name = settings.Strategy, Samples = (spec ?? throw new ArgumentNullException(nameof(spec), $"a {settings.Strategy} campaign's strategy needs its spec")).Dnas.Samples,
            Seed = unchecked((ulong)seed),
        }),
        SupernetStrategies.BnNas => BnNas(spec ?? throw new ArgumentNullException(nameof(spec), $"a {settings.Strategy} campaign's strategy needs its spec"), seed),
        PredictorStrategies.Fbnetv3 => new Fbnetv3Strategy(Fbnetv3StrategyOptions.From(
            spec ?? throw new ArgumentNullException(nameof(spec), $"a {settings.Strategy} campaign's strategy needs its spec"), unchecked((ulong)seed))),
        PredictorStrategies.Memnas => new MemnasStrategy(MemnasStrategyOptions.From(
            spec ?? throw new ArgumentNullException(nameof(spec), $"a {settings.Strategy} campaign's strategy needs its spec"), unchecked((ulong)seed))),
        "rl" => new RlStrategy(new ControllerOptions { MinibatchSize = settings.Minibatch, PolicyLag = settings.Workers, Seed = unchecked((ulong)seed) }),
        "random" => new RandomStrategy(new RandomStrategyOptions { Seed = unchecked((ulong)seed) }),
        _ => throw new ArgumentException($"strategy: unknown strategy '{settings.Strategy}' (known: {string.Join(", ", CampaignSettings.Strategies)})"),
    };

    /// <summary>BN-NAS's evolution as the spec's bnnas section sets it; without a latency limit of its own, the reward's target is the limit.</summary>
    private static BnNasStrategy BnNas(CampaignSpec spec, long seed)
    {
        var bnnas = spec.Bnnas;
        return new BnNasStrategy(new BnNasStrategyOptions
        {
            Evolution = new EvolutionOptions
            {
                Population = bnnas.Population, Iterations = bnnas.Iterations, Parents = bnnas.Parents, MutationProbability = bnnas.MutationProbability,
                Samples = bnnas.Samples, Seed = unchecked((ulong)seed),
            },
            Constraints = new SubnetConstraints
            {
                MaxLatencyMs = bnnas.MaxLatencyMs ?? spec.Reward.LatencyTargetMs, MaxParams = bnnas.MaxParams, MaxMacs = bnnas.MaxMacs,
                MaxPeakActivationBytes = bnnas.MaxPeakActivationBytes,
            },
        });
    }
}
