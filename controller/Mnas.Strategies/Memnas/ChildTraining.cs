using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// Trains samples as children: submitted in order as workers free up, while the budget lasts, every result taken (as
/// <see cref="FixedChildren"/> does). Those the budget left unsubmitted are not trained.
/// </summary>
internal static class ChildTraining
{
    /// <returns>The children trained, in sequence order; a failed or unmeasured child has no accuracy.</returns>
    public static async Task<List<TrainedChild>> TrainAsync(ISearchEngine engine, IReadOnlyList<Sample> samples, int round, CancellationToken cancellation)
    {
        var queue = new Queue<Sample>(samples);
        var submitted = new Dictionary<long, Sample>();
        var trained = new List<TrainedChild>();
        while (true)
        {
            while (queue.Count > 0 && !engine.BudgetExhausted && (engine.Capacity > 0 || engine.InFlight == 0))
            {
                cancellation.ThrowIfCancellationRequested();
                var sample = queue.Dequeue();
                submitted[await engine.SubmitAsync(new Proposal(sample, 0, round), cancellation)] = sample;
            }
            if (engine.InFlight == 0)
            {
                break;
            }
            var outcome = await engine.NextAsync(cancellation);
            if (submitted.TryGetValue(outcome.Sequence, out var child))
            {
                var accuracy = outcome.Failed || outcome.Accuracy is not { } measured || !double.IsFinite(measured) ? (double?)null : measured;
                trained.Add(new TrainedChild(outcome.Sequence, child.Canonical, round, accuracy));
            }
        }
        return trained.OrderBy(t => t.Sequence).ToList();
    }
}
