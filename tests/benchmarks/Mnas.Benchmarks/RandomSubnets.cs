using Mnas.Workers.Supernet;

namespace Mnas.Benchmarks;

/// <summary>Distinct subnets of a single-path supernet, each position's candidate drawn uniformly among those it offers, by seed.</summary>
internal static class RandomSubnets
{
    public static IReadOnlyList<int[]> Draw(SupernetSpace space, int count, int seed)
    {
        var random = new Random(seed);
        var offered = space.Positions.Select(p => Enumerable.Range(0, space.Candidates.Count).Where(c => space.Offers(p.Index, c)).ToArray()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var subnets = new List<int[]>();
        while (subnets.Count < count)
        {
            var choice = offered.Select(o => o[random.Next(o.Length)]).ToArray();
            if (seen.Add(string.Join(',', choice)))
            {
                subnets.Add(choice);
            }
        }
        return subnets;
    }
}
