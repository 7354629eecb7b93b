using Mnas.SearchSpace.Spec;

namespace Mnas.Grains;

/// <summary>
/// The strategies that search with a predictor of their own and record every step of their search
/// (<see cref="Mnas.SearchSpace.Predictor.SearchRound"/>): FBNetV3 (<c>spec.fbnetv3</c>: architectures and training recipes
/// together; its children are named by their sample and recipe, <see cref="Mnas.SearchSpace.Recipes.RecipeChildName"/>, each
/// trains by its own recipe, and the campaign costs the architectures it considers by a latency lookup table) and MemNAS
/// (<c>spec.memnas</c>: grow-and-trim rounds ranked by a structure-correlation controller; plain samples as children).
/// </summary>
public static class PredictorStrategies
{
    public const string Fbnetv3 = "fbnetv3";
    public const string Memnas = MemnasSpec.Strategy;

    public static bool Includes(string? strategy) => strategy is Fbnetv3 or Memnas;

    /// <summary>Whether each child names a training recipe with its sample (FBNetV3's).</summary>
    public static bool SearchesRecipes(string? strategy) => strategy == Fbnetv3;
}
