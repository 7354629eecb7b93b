namespace Mnas.Api.Search;

/// <summary>
/// A child the predictor scored before it trained: its sequence, name (architecture and recipe), predicted accuracy (null: the
/// predictor had not been fitted yet, as in the first coarse round) and measured accuracy (null: it failed).
/// </summary>
public sealed record PredictedPointItem(long Sequence, string Architecture, double? Predicted, double? Measured);
