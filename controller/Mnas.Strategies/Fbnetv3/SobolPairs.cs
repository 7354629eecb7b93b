using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Fbnetv3.Sobol;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// Architecture–recipe pairs from Sobol's sequence over one coordinate per decision and then the recipe space's: a
/// decision's choice is ⌊u·n⌋ of its n choices, the recipe <see cref="RecipeSpace.At"/> the last coordinates. Its
/// <see cref="Index"/> is all its state, so the coarse stage goes on where it stopped.
/// </summary>
internal sealed class SobolPairs
{
    private readonly ModelSpace space;
    private readonly RecipeSpace recipes;
    private readonly SobolSequence sequence;

    public SobolPairs(ModelSpace space, RecipeSpace recipes, long index)
    {
        this.space = space;
        this.recipes = recipes;
        sequence = new SobolSequence(space.Decisions.Count + recipes.Dimensions, index);
    }

    /// <summary>The index of the point the next pair comes from.</summary>
    public long Index => sequence.Index;

    public Pair Next()
    {
        var point = sequence.Next();
        var decisions = space.Decisions.Count;
        var tokens = new int[decisions];
        for (var i = 0; i < decisions; i++)
        {
            var choices = space.Decisions[i].Choices.Count;
            tokens[i] = Math.Clamp((int)Math.Floor(point[i] * choices), 0, choices - 1);
        }
        return new Pair(space.FromTokens(tokens), recipes.At(point[decisions..]));
    }
}
