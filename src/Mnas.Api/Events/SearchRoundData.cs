namespace Mnas.Api.Events;

/// <summary>
/// The data of a <c>search-round</c> message: a step of an fbnetv3 campaign's predictor-driven search as the store records
/// it, with how many children it scored instead of their points (<c>GET /campaigns/{id}/search</c> has them).
/// </summary>
public sealed record SearchRoundData(int Round, string Stage, int Iteration, int Points, double? KendallTau, int FittedOn, double? BestPredicted,
    double? MeanPredicted, int? Feasible, int? Rejected, double? PretrainLoss);
