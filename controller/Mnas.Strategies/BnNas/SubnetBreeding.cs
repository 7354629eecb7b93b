using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.BnNas;

/// <summary>
/// How the evolution makes subnets, a subnet being one candidate index per layer drawn only from what the layer offers:
/// at random, by mutation (each layer re-drawn with a probability) and by uniform crossover of two parents.
/// </summary>
internal sealed class SubnetBreeding(IReadOnlyList<int[]> offered, Xoshiro256StarStar rng)
{
    public int[] Random() => offered.Select(Draw).ToArray();

    public int[] Mutate(IReadOnlyList<int> parent, double probability) =>
        parent.Select((choice, layer) => rng.NextDouble() < probability ? Draw(offered[layer]) : choice).ToArray();

    public int[] Crossover(IReadOnlyList<int> mother, IReadOnlyList<int> father) =>
        mother.Select((choice, layer) => rng.NextDouble() < 0.5 ? choice : father[layer]).ToArray();

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.NextInt(items.Count)];

    private int Draw(int[] candidates) => candidates[rng.NextInt(candidates.Length)];
}
