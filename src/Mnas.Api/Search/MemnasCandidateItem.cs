using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// memnas: a candidate of a grow-and-trim round — its operation on the base, architecture and memory, the controller's score
/// and rank among the round's candidates (1 = trained first) and, when it trained, its child's sequence, accuracy, memory
/// efficiency against the base (<see cref="Measured"/>) and rank among the trained by it (1 = best); nulls there when it did
/// not train.
/// </summary>
/// <param name="Measured">The memory efficiency y = λ·(a − a_base)/a_base − (1 − λ)·[(r − r_base)/r_base + (p − p_base)/p_base].</param>
public sealed record MemnasCandidateItem(
    string Operation,
    string Architecture,
    long ParamBytes,
    long PeakActivationBytes,
    long TotalBytes,
    double Predicted,
    int PredictedRank,
    long? Sequence,
    double? Accuracy,
    double? Measured,
    int? MeasuredRank)
{
    public static MemnasCandidateItem From(MemnasCandidate candidate) =>
        new(candidate.Operation, candidate.Architecture, candidate.ParamBytes, candidate.PeakActivationBytes,
            candidate.ParamBytes + candidate.PeakActivationBytes, candidate.Predicted, candidate.PredictedRank, candidate.Sequence, candidate.Accuracy,
            candidate.Measured, candidate.MeasuredRank);
}
