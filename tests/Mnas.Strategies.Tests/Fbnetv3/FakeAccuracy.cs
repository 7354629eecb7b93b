using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Fbnetv3;

/// <summary>
/// A synthetic proxy accuracy for an FBNetV3 child's name, in place of training it: 0.5, plus up to 0.3 for decisions at
/// <see cref="ToyReward"/>'s best choices, plus up to 0.1 for a learning rate near 0.05 and 0.05 for more epochs, plus a
/// little noise fixed by the name.
/// </summary>
internal static class FakeAccuracy
{
    public static double Of(ModelSpace space, string name)
    {
        var (sampleText, recipe) = RecipeChildName.Parse(name);
        var sample = space.Parse(sampleText);
        var architecture = new ToyReward(space).Score(sample);
        var learningRate = Math.Max(0, 1 - Math.Abs(Math.Log10(recipe.LearningRate / 0.05)));
        var epochs = Math.Min(1, recipe.Epochs / 5.0);
        return 0.5 + 0.3 * architecture + 0.1 * learningRate + 0.05 * epochs + 0.02 * Noise(name);
    }

    /// <summary>A value in [0, 1) fixed by the text (FNV-1a), the same in every process.</summary>
    private static double Noise(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
