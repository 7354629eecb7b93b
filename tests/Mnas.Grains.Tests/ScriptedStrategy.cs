using Mnas.SearchSpace.Space;
using Mnas.Strategies;

namespace Mnas.Grains.Tests;

/// <summary>Proposes the given samples in order (or seeded random ones), and records the outcomes it receives.</summary>
internal sealed class ScriptedStrategy(Func<ModelSpace, int, Sample> propose) : ISearchStrategy
{
    public List<Outcome> Outcomes { get; } = [];

    public string Name => "scripted";

    public async Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation)
    {
        var proposed = 0;
        while (!engine.BudgetExhausted || engine.InFlight > 0)
        {
            while (engine.Capacity > 0 && !engine.BudgetExhausted)
            {
                await engine.SubmitAsync(new Proposal(propose(space, proposed++), -1.5, 0), cancellation);
            }
            if (engine.InFlight == 0)
            {
                break;
            }
            Outcomes.Add(await engine.NextAsync(cancellation));
        }
    }
}
