using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// Turns an (architecture, recipe) pair into the accuracy predictor's input: a one-hot block per decision of the space
/// (in <see cref="ModelSpace.Decisions"/> order, one slot per choice) followed by <see cref="RecipeSpace.Encode"/>'s
/// recipe features.
/// </summary>
public sealed class PairEncoder
{
    private readonly ModelSpace space;
    private readonly RecipeSpace recipes;
    private readonly int[] offsets;
    private readonly int architectureFeatures;

    public PairEncoder(ModelSpace space, RecipeSpace recipes)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.recipes = recipes ?? throw new ArgumentNullException(nameof(recipes));
        offsets = new int[space.Decisions.Count];
        var offset = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = offset;
            offset += space.Decisions[i].Choices.Count;
        }

        architectureFeatures = offset;
        Features = offset + recipes.Features;
    }

    /// <summary>The length of every encoding: the choices of all decisions plus the recipe's features.</summary>
    public int Features { get; }

    public float[] Encode(Sample sample, Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(recipe);
        var features = new float[Features];
        for (var i = 0; i < offsets.Length; i++)
        {
            var decision = space.Decisions[i];
            var choice = sample[decision.Name];
            if (choice < 0 || choice >= decision.Choices.Count)
            {
                throw new ArgumentException($"{decision.Name}: choice index {choice} out of range (0..{decision.Choices.Count - 1})", nameof(sample));
            }

            features[offsets[i] + choice] = 1;
        }

        var recipeFeatures = recipes.Encode(recipe);
        for (var i = 0; i < recipeFeatures.Length; i++)
        {
            features[architectureFeatures + i] = (float)recipeFeatures[i];
        }

        return features;
    }
}
