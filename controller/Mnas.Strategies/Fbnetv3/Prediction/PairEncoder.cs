using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// Turns an (architecture, recipe) pair into the accuracy predictor's input: a one-hot block per decision of the space
/// (in <see cref="ModelSpace.Decisions"/> order, one slot per choice), then <see cref="RecipeSpace.Encode"/>'s recipe
/// features, then a piecewise-linear encoding of each numeric recipe feature x ∈ [0, 1] over <see cref="RecipeBins"/>
/// equal bins: min(max(B·x − k, 0), 1) for k = 0 … B − 1.
/// </summary>
/// <remarks>
/// The piecewise-linear part is what lets a small network learn that a learning rate (or any recipe value) has an
/// optimum inside its range from a few dozen trained children: on the bare scalar, the network fits a straight line in
/// it and memorises the rest through the architecture's one-hot features (on the predictor's synthetic test task it
/// then ranks the children's accuracy worse and gets the learning rate's optimum wrong). Gorishniy, Rubachev and Babenko,
/// "On Embeddings for Numerical Features in Tabular Deep Learning" (NeurIPS 2022), describe the encoding.
/// </remarks>
public sealed class PairEncoder
{
    /// <summary>The bins of the piecewise-linear encoding of each numeric recipe feature, unless the constructor names others.</summary>
    public const int DefaultRecipeBins = 8;

    private readonly ModelSpace space;
    private readonly RecipeSpace recipes;
    private readonly int[] offsets;
    private readonly int architectureFeatures;
    private readonly int numericRecipeFeatures;

    /// <param name="recipeBins">Bins of the piecewise-linear encoding of each numeric recipe feature; 0 leaves it out.</param>
    public PairEncoder(ModelSpace space, RecipeSpace recipes, int recipeBins = DefaultRecipeBins)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.recipes = recipes ?? throw new ArgumentNullException(nameof(recipes));
        ArgumentOutOfRangeException.ThrowIfNegative(recipeBins);
        RecipeBins = recipeBins;
        offsets = new int[space.Decisions.Count];
        var offset = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = offset;
            offset += space.Decisions[i].Choices.Count;
        }

        architectureFeatures = offset;
        // Every recipe dimension but the optimiser (a one-hot of its own) is one number in [0, 1], at the end of the recipe's features.
        numericRecipeFeatures = recipes.Dimensions - 1;
        Features = offset + recipes.Features + numericRecipeFeatures * recipeBins;
    }

    /// <summary>The length of every encoding.</summary>
    public int Features { get; }

    public int RecipeBins { get; }

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

        var position = architectureFeatures + recipeFeatures.Length;
        for (var i = recipeFeatures.Length - numericRecipeFeatures; i < recipeFeatures.Length; i++)
        {
            for (var k = 0; k < RecipeBins; k++)
            {
                features[position++] = (float)Math.Clamp(RecipeBins * recipeFeatures[i] - k, 0, 1);
            }
        }

        return features;
    }
}
