namespace Mnas.Strategies;

/// <summary>The submitting half of a strategy's loop, shared by every strategy.</summary>
internal static class SearchLoop
{
    /// <summary>
    /// Submits proposals while the budget lasts and workers are free. When nothing is in flight and budget remains it
    /// submits one even at zero capacity (the engine then waits for a worker), so the loop never waits on nothing.
    /// </summary>
    public static async ValueTask FillAsync(ISearchEngine engine, Func<Proposal> propose, CancellationToken cancellation)
    {
        while (!engine.BudgetExhausted && (engine.Capacity > 0 || engine.InFlight == 0))
        {
            cancellation.ThrowIfCancellationRequested();
            await engine.SubmitAsync(propose(), cancellation);
        }
    }
}
