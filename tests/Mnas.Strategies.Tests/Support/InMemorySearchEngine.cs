using Mnas.SearchSpace.Space;
using Mnas.Strategies;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Tests.Support;

/// <summary>
/// A deterministic engine for strategy tests: <see cref="Workers"/> workers, a budget of children, rewards from a
/// function of the sample (evaluated at once). Results come back in submission order, or — with a shuffle seed — a
/// child chosen uniformly among those in flight, to simulate out-of-order completion. Records every submission,
/// result, checkpoint and update report.
/// </summary>
internal sealed class InMemorySearchEngine(int workers, int budget, Func<Sample, (double Reward, bool Failed)> evaluate, ulong? shuffleSeed = null)
    : ISearchEngine
{
    private readonly List<Outcome> inFlight = [];
    private readonly Xoshiro256StarStar? shuffle = shuffleSeed is { } seed ? new Xoshiro256StarStar(seed) : null;

    public InMemorySearchEngine(int workers, int budget, Func<Sample, double> reward, ulong? shuffleSeed = null)
        : this(workers, budget, sample => (reward(sample), false), shuffleSeed)
    {
    }

    public int Workers { get; } = workers;

    public List<Proposal> Submitted { get; } = [];

    public List<Outcome> Delivered { get; } = [];

    public List<(byte[] State, IReadOnlyList<long> Included, int DeliveredSoFar)> Checkpoints { get; } = [];

    public List<(ControllerReport Report, int CheckpointsSoFar)> Reports { get; } = [];

    public int Capacity => BudgetExhausted ? 0 : Math.Max(0, Workers - inFlight.Count);

    public int InFlight => inFlight.Count;

    public bool BudgetExhausted => Submitted.Count >= budget;

    public ValueTask<long> SubmitAsync(Proposal proposal, CancellationToken cancellation)
    {
        if (BudgetExhausted)
        {
            throw new InvalidOperationException("submitted past the budget");
        }

        Submitted.Add(proposal);
        var (reward, failed) = evaluate(proposal.Sample ?? throw new InvalidOperationException("this engine evaluates samples of the spec's space only"));
        inFlight.Add(new Outcome(Submitted.Count, proposal.Sample, proposal.LogProbability, proposal.PolicyVersion, reward, failed));
        return ValueTask.FromResult((long)Submitted.Count);
    }

    public ValueTask<Outcome> NextAsync(CancellationToken cancellation)
    {
        if (inFlight.Count == 0)
        {
            throw new InvalidOperationException("NextAsync with nothing in flight would wait forever");
        }

        var index = shuffle?.NextInt(inFlight.Count) ?? 0;
        var outcome = inFlight[index];
        inFlight.RemoveAt(index);
        Delivered.Add(outcome);
        return ValueTask.FromResult(outcome);
    }

    public ValueTask WaitForOutcomeAsync(CancellationToken cancellation) =>
        inFlight.Count > 0 ? ValueTask.CompletedTask : throw new InvalidOperationException("WaitForOutcomeAsync with nothing in flight would wait forever");

    public ValueTask CheckpointAsync(byte[] state, IReadOnlyList<long> included, CancellationToken cancellation)
    {
        Checkpoints.Add((state, included.ToArray(), Delivered.Count));
        return ValueTask.CompletedTask;
    }

    public ValueTask ReportUpdateAsync(ControllerReport report, CancellationToken cancellation)
    {
        Reports.Add((report, Checkpoints.Count));
        return ValueTask.CompletedTask;
    }
}
