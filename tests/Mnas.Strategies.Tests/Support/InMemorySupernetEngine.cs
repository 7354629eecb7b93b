using Mnas.SearchSpace.Supernet;
using Mnas.Strategies;

namespace Mnas.Strategies.Tests.Support;

/// <summary>
/// An engine for the supernet strategies' tests: a posterior handed over as if a supernet had been trained, a
/// number of workers and a budget of children, every child answered at once in submission order with a reward of 0.5.
/// Records the submissions, how many times the supernet was asked for, and every evolution recorded with how many
/// children had been submitted by then.
/// </summary>
internal sealed class InMemorySupernetEngine(SupernetPosterior posterior, int workers, int budget) : ISupernetEngine
{
    private readonly Queue<Outcome> inFlight = [];

    public List<Proposal> Submitted { get; } = [];

    public int SupernetRequests { get; private set; }

    public List<(SupernetEvolution Evolution, int SubmittedSoFar)> Evolutions { get; } = [];

    public int MostInFlight { get; private set; }

    public int Capacity => BudgetExhausted ? 0 : Math.Max(0, workers - inFlight.Count);

    public int InFlight => inFlight.Count;

    public bool BudgetExhausted => Submitted.Count >= budget;

    public ValueTask<SupernetPosterior> TrainSupernetAsync(CancellationToken cancellation)
    {
        SupernetRequests++;
        return ValueTask.FromResult(posterior);
    }

    public ValueTask RecordEvolutionAsync(SupernetEvolution evolution, CancellationToken cancellation)
    {
        Evolutions.Add((evolution, Submitted.Count));
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> SubmitAsync(Proposal proposal, CancellationToken cancellation)
    {
        if (BudgetExhausted)
        {
            throw new InvalidOperationException("submitted past the budget");
        }
        Submitted.Add(proposal);
        inFlight.Enqueue(new Outcome(Submitted.Count, proposal.Sample, proposal.LogProbability, proposal.PolicyVersion, 0.5, false)
        {
            Architecture = proposal.Architecture,
        });
        MostInFlight = Math.Max(MostInFlight, inFlight.Count);
        return ValueTask.FromResult((long)Submitted.Count);
    }

    public ValueTask<Outcome> NextAsync(CancellationToken cancellation) => ValueTask.FromResult(inFlight.Dequeue());

    public ValueTask WaitForOutcomeAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask CheckpointAsync(byte[] state, IReadOnlyList<long> included, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ReportUpdateAsync(ControllerReport report, CancellationToken cancellation) => ValueTask.CompletedTask;
}
