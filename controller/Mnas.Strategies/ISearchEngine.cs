namespace Mnas.Strategies;

/// <summary>
/// What a strategy sees of where children run. Deduplication, retries and the budget live behind
/// it, not in strategies. Submissions are numbered in order; results come back in completion order.
/// On a resumed campaign the engine replays: submissions that match children already recorded
/// return those children (nothing is evaluated twice), and their recorded results are delivered again.
/// </summary>
public interface ISearchEngine
{
    /// <summary>How many more children can be submitted now without waiting (free workers).</summary>
    int Capacity { get; }

    /// <summary>Children submitted and not yet delivered by <see cref="NextAsync"/>.</summary>
    int InFlight { get; }

    /// <summary>No more submissions are accepted (child count or wall-clock budget spent).</summary>
    bool BudgetExhausted { get; }

    /// <summary>Queues a child; returns its sequence number (from 1, in submission order).</summary>
    ValueTask<long> SubmitAsync(Proposal proposal, CancellationToken cancellation);

    /// <summary>Waits for the next finished child.</summary>
    ValueTask<Outcome> NextAsync(CancellationToken cancellation);

    /// <summary>
    /// Completes once <see cref="NextAsync"/> would return at once, taking nothing: a strategy can wait for a result and
    /// for work of its own together, and a result not yet taken still counts as in flight (and in a checkpoint).
    /// </summary>
    ValueTask WaitForOutcomeAsync(CancellationToken cancellation);

    /// <summary>
    /// Persists the strategy's full state after an update, with the sequence numbers of the
    /// children the update included; a resumed campaign hands the latest state back to the strategy.
    /// </summary>
    ValueTask CheckpointAsync(byte[] state, IReadOnlyList<long> included, CancellationToken cancellation);

    /// <summary>
    /// Records a completed update of a learning strategy for the campaign's history, before its checkpoint. A resumed
    /// campaign may report a version again (its update ran again from an earlier checkpoint).
    /// </summary>
    ValueTask ReportUpdateAsync(ControllerReport report, CancellationToken cancellation);
}
