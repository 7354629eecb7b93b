using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>How the fine stage makes candidates: a pair drawn uniformly, or a parent with each decision and each recipe dimension re-drawn with a probability.</summary>
internal sealed class PairMutation(ModelSpace space, RecipeSpace recipes, Random rng)
{
    public Pair Random() => new(space.Random(rng), recipes.Random(rng));

    public Pair Mutate(Pair parent, double probability)
    {
        var tokens = parent.Sample.ToTokens();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (rng.NextDouble() < probability)
            {
                tokens[i] = rng.Next(space.Decisions[i].Choices.Count);
            }
        }
        return new Pair(space.FromTokens(tokens), recipes.Mutate(parent.Recipe, rng, probability));
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public bool Coin() => rng.NextDouble() < 0.5;
}
