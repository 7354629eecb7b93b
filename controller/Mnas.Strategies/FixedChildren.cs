namespace Mnas.Strategies;

/// <summary>
/// Children chosen before any of them trains (drawn from a supernet's posterior, picked by an evolution): submitted in
/// order as workers free up, while the budget lasts, every result taken.
/// </summary>
public static class FixedChildren
{
    public static async Task TrainAsync(ISearchEngine engine, IEnumerable<Proposal> proposals, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var children = new Queue<Proposal>(proposals);
        while (true)
        {
            while (children.Count > 0 && !engine.BudgetExhausted && (engine.Capacity > 0 || engine.InFlight == 0))
            {
                await engine.SubmitAsync(children.Dequeue(), cancellation);
            }
            if (engine.InFlight == 0)
            {
                break;
            }
            await engine.NextAsync(cancellation);
        }
    }
}
