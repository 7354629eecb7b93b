namespace Mnas.Grains;

/// <summary>
/// The strategy that searches architectures and training recipes together with an accuracy predictor: FBNetV3
/// (<c>spec.fbnetv3</c>). Its children are named by their sample and recipe (<see cref="Mnas.SearchSpace.Recipes.RecipeChildName"/>)
/// and each trains by its own recipe; the campaign costs the architectures it considers by a latency lookup table.
/// </summary>
public static class PredictorStrategies
{
    public const string Fbnetv3 = "fbnetv3";

    public static bool Includes(string? strategy) => strategy == Fbnetv3;
}
