using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.BnNas;

/// <summary>
/// BN-NAS's evolutionary search over a trained supernet's subnets, deterministic by seed. A subnet is scored from the
/// score table alone (by default the sum over layers of its candidates' BN indicators) and costed from the cost table
/// alone; one outside the constraints is never a member. The first generation is drawn at random (failing that, the
/// cheapest subnet by each measure is tried); each next one keeps the best <see cref="EvolutionOptions.Parents"/> and
/// fills the rest with new subnets bred from them, half by mutation and half by crossover, within a bounded number of
/// tries (so a generation may be smaller where the constraints leave few). The best distinct subnets seen over the
/// whole run are chosen.
/// </summary>
public static class IndicatorEvolution
{
    /// <summary>Draws tried per member wanted, at random or by breeding, before a generation settles for fewer.</summary>
    public const int TriesPerMember = 100;

    public static EvolutionResult Search(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<double>> scores, SupernetCosts costs,
        SubnetConstraints constraints, EvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(costs);
        if (scores.Count != costs.Layers.Count || scores.Any(row => row is null || row.Count != candidates.Count))
        {
            throw new ArgumentException($"scores: one per candidate ({candidates.Count}) at every layer ({costs.Layers.Count})", nameof(scores));
        }
        return Search(candidates, costs, IndicatorScore(scores), constraints, options);
    }

    /// <summary>The evolution under any score of a subnet's candidate indices (a toy score with a known optimum, another ranking).</summary>
    public static EvolutionResult Search(IReadOnlyList<string> candidates, SupernetCosts costs, Func<IReadOnlyList<int>, double> score,
        SubnetConstraints constraints, EvolutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var offered = Offered(candidates, costs);
        var members = new Members(costs, score, constraints);
        var breeding = new SubnetBreeding(offered, new Xoshiro256StarStar(options.Seed));

        var population = FirstGeneration(members, breeding, offered, costs, constraints, options.Population);
        var iterations = new List<EvolutionIteration>();
        for (var iteration = 1; ; iteration++)
        {
            iterations.Add(new EvolutionIteration(iteration, population.Max(m => m.Score), population.Average(m => m.Score), population.Count));
            if (iteration == options.Iterations)
            {
                break;
            }
            population = NextGeneration(population, members, breeding, options);
        }

        var chosen = members.Seen.OrderByDescending(m => m.Score).Take(options.Samples).ToList();
        var evolved = chosen.Select(m => new EvolvedSubnet(new SupernetChildName(m.Choice.Select(c => candidates[c]).ToList(), null, null).ToString(),
            m.Score, m.Costs)).ToList();
        return new EvolutionResult(new SupernetEvolution(iterations, evolved), chosen.Select(m => (IReadOnlyList<int>)m.Choice).ToList());
    }

    /// <summary>BN-NAS's score of a subnet: the sum over its layers of its candidates' indicators.</summary>
    public static Func<IReadOnlyList<int>, double> IndicatorScore(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return choice => choice.Select((candidate, layer) => scores[layer][candidate]).Sum();
    }

    private static int[][] Offered(IReadOnlyList<string> candidates, SupernetCosts costs)
    {
        if (costs.Layers.Count == 0 || costs.Layers.Any(row => row is null || row.Count != candidates.Count))
        {
            throw new ArgumentException($"costs: at least one layer, each with an entry per candidate ({candidates.Count})", nameof(costs));
        }
        var offered = costs.Layers.Select((_, layer) => Enumerable.Range(0, candidates.Count).Where(c => costs.Offers(layer, c)).ToArray()).ToArray();
        if (Array.FindIndex(offered, o => o.Length == 0) is var empty and >= 0)
        {
            throw new ArgumentException($"costs: layer {empty} offers no candidate", nameof(costs));
        }
        return offered;
    }

    private static List<Member> FirstGeneration(Members members, SubnetBreeding breeding, int[][] offered, SupernetCosts costs,
        SubnetConstraints constraints, int size)
    {
        var population = new List<Member>();
        var draws = size * TriesPerMember;
        for (var tries = 0; population.Count < size && tries < draws; tries++)
        {
            if (members.TryAdd(breeding.Random()) is { } member)
            {
                population.Add(member);
            }
        }
        if (population.Count == 0)
        {
            var cheapest = Cheapest(offered, costs);
            population.AddRange(cheapest.Select(members.TryAdd).OfType<Member>());
            if (population.Count == 0)
            {
                throw Infeasible(constraints, draws, new SupernetLayerCost(costs.Of(cheapest[0]).LatencyMs, costs.Of(cheapest[1]).Params,
                    costs.Of(cheapest[2]).Macs, costs.Of(cheapest[3]).PeakActivationBytes));
            }
        }
        return population;
    }

    private static List<Member> NextGeneration(List<Member> population, Members members, SubnetBreeding breeding, EvolutionOptions options)
    {
        var parents = population.OrderByDescending(m => m.Score).Take(options.Parents).ToList();
        var next = new List<Member>(parents);
        var room = options.Population - parents.Count;
        Breed(next, room - room / 2, () => breeding.Mutate(breeding.Pick(parents).Choice, options.MutationProbability), members);
        Breed(next, room / 2, () => breeding.Crossover(breeding.Pick(parents).Choice, breeding.Pick(parents).Choice), members);
        return next;
    }

    private static void Breed(List<Member> generation, int count, Func<int[]> child, Members members)
    {
        var added = 0;
        for (var tries = 0; added < count && tries < count * TriesPerMember; tries++)
        {
            if (members.TryAdd(child()) is { } member)
            {
                generation.Add(member);
                added++;
            }
        }
    }

    /// <summary>The subnet of least latency, of fewest parameters, of fewest multiply-adds and of least peak activation memory.</summary>
    private static int[][] Cheapest(int[][] offered, SupernetCosts costs)
    {
        int[] Least(Func<SupernetLayerCost, double> measure) =>
            offered.Select((candidates, layer) => candidates.MinBy(c => measure(costs.Layers[layer][c]!))).ToArray();

        return [Least(c => c.LatencyMs), Least(c => c.Params), Least(c => c.Macs), Least(c => c.PeakActivationBytes)];
    }

    private static InvalidOperationException Infeasible(SubnetConstraints constraints, int draws, SupernetLayerCost least) =>
        new($"no subnet meets the constraints ({constraints.Describe()}): none of {draws} random subnets nor the cheapest by each measure did; " +
            $"the least any subnet reaches: {string.Join(", ", constraints.Limits().Select(l => $"{l.Setting[4..]} {l.Measure(least)}"))}");

    private sealed record Member(int[] Choice, double Score, SupernetLayerCost Costs);

    /// <summary>Every subnet admitted so far, in order: one is admitted once, and only when it meets the constraints.</summary>
    private sealed class Members(SupernetCosts costs, Func<IReadOnlyList<int>, double> score, SubnetConstraints constraints)
    {
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);

        public List<Member> Seen { get; } = [];

        public Member? TryAdd(int[] choice)
        {
            var key = string.Join(',', choice);
            if (keys.Contains(key))
            {
                return null;
            }
            var cost = costs.Of(choice);
            if (!constraints.Allows(cost))
            {
                return null;
            }
            var value = score(choice);
            if (!double.IsFinite(value))
            {
                throw new InvalidOperationException($"the score of subnet [{key}] is {value}; scores must be finite");
            }
            keys.Add(key);
            var member = new Member(choice, value, cost);
            Seen.Add(member);
            return member;
        }
    }
}
