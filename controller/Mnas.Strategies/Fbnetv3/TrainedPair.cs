namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// A pair FBNetV3 trained as a child: its sequence, child name (<see cref="SearchSpace.Recipes.RecipeChildName"/>), the
/// stage that picked it (<c>coarse</c> or <c>final</c>), what the predictor said of it before it trained (null: the predictor
/// had not been fitted yet, the first coarse round), and its
/// measured accuracy (null: it failed or was not measured, and the predictor is not fitted to it).
/// </summary>
public sealed record TrainedPair(long Sequence, string Architecture, string Stage, double? Predicted, double? Accuracy);
