namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// Trains picked pairs as children: submitted in order as workers free up, while the budget lasts, every result taken
/// (as <see cref="FixedChildren"/> does), each kept with what the predictor said of it before it trained.
/// </summary>
internal static class PairTraining
{
    /// <returns>The pairs trained, in sequence order; a failed or unmeasured child has no accuracy.</returns>
    public static async Task<List<TrainedPair>> TrainAsync(ISearchEngine engine, IReadOnlyList<(Pair Pair, double? Predicted)> picks, string stage,
        long policyVersion, CancellationToken cancellation)
    {
        var queue = new Queue<(Pair Pair, double? Predicted)>(picks);
        var submitted = new Dictionary<long, (Pair Pair, double? Predicted)>();
        var trained = new List<TrainedPair>();
        while (true)
        {
            while (queue.Count > 0 && !engine.BudgetExhausted && (engine.Capacity > 0 || engine.InFlight == 0))
            {
                var pick = queue.Dequeue();
                submitted[await engine.SubmitAsync(pick.Pair.ToProposal(policyVersion), cancellation)] = pick;
            }
            if (engine.InFlight == 0)
            {
                break;
            }
            var outcome = await engine.NextAsync(cancellation);
            if (submitted.TryGetValue(outcome.Sequence, out var child))
            {
                var accuracy = outcome.Failed || outcome.Accuracy is not { } measured || !double.IsFinite(measured) ? (double?)null : measured;
                trained.Add(new TrainedPair(outcome.Sequence, child.Pair.Name, stage, child.Predicted, accuracy));
            }
        }
        return trained.OrderBy(t => t.Sequence).ToList();
    }
}
