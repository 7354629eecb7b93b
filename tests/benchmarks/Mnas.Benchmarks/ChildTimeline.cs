using System.Diagnostics;
using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Benchmarks;

/// <summary>
/// Watches the coordinator's bus: when each child is sent to its worker (and the broker confirms it), and when the
/// coordinator receives the worker's report that it started and its result. Every time is taken in this one process,
/// so no clocks need to agree.
/// </summary>
internal sealed class ChildTimeline : IConsumeMessageObserver<ChildStarted>, IConsumeMessageObserver<ChildEvaluated>,
    IConsumeMessageObserver<ChildReleased>, ISendObserver
{
    private readonly object gate = new();
    private readonly Dictionary<(long Sequence, int Attempt), Times> children = [];
    private int released;

    /// <summary>Children workers handed back unanswered (none, when the runtime works as it should).</summary>
    public int Released
    {
        get
        {
            lock (gate)
            {
                return released;
            }
        }
    }

    public IDisposable WatchOn(IBus bus)
    {
        var handles = new[]
        {
            bus.ConnectConsumeMessageObserver<ChildStarted>(this), bus.ConnectConsumeMessageObserver<ChildEvaluated>(this),
            bus.ConnectConsumeMessageObserver<ChildReleased>(this), bus.ConnectSendObserver(this),
        };
        return new Handles(handles);
    }

    /// <summary>Every attempt seen from its sending to its result.</summary>
    public IReadOnlyList<ChildRun> CompletedRuns()
    {
        lock (gate)
        {
            return children.Where(c => c.Value is { WorkerId: not null, Confirmed: > 0, Started: > 0, Evaluated: > 0 })
                .Select(c => new ChildRun(c.Key.Sequence, c.Value.WorkerId!, c.Value.Sent, c.Value.Confirmed, c.Value.Started, c.Value.Evaluated))
                .ToList();
        }
    }

    public Task PreConsume(ConsumeContext<ChildStarted> context) =>
        Record(context.Message.Sequence, context.Message.Attempt, (t, now) => t.Started = now);

    public Task PreConsume(ConsumeContext<ChildEvaluated> context) =>
        Record(context.Message.Sequence, context.Message.Attempt, (t, now) => t.Evaluated = now);

    public Task PreConsume(ConsumeContext<ChildReleased> context)
    {
        lock (gate)
        {
            released++;
        }

        return Task.CompletedTask;
    }

    public Task PreSend<T>(SendContext<T> context) where T : class =>
        context.Message is TrainChild request ? Record(request.Sequence, request.Attempt, (t, now) => (t.WorkerId, t.Sent) = (request.WorkerId, now)) : Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context) where T : class =>
        context.Message is TrainChild request ? Record(request.Sequence, request.Attempt, (t, now) => t.Confirmed = now) : Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<ChildStarted> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<ChildEvaluated> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<ChildReleased> context) => Task.CompletedTask;

    public Task ConsumeFault(ConsumeContext<ChildStarted> context, Exception exception) => Task.CompletedTask;

    public Task ConsumeFault(ConsumeContext<ChildEvaluated> context, Exception exception) => Task.CompletedTask;

    public Task ConsumeFault(ConsumeContext<ChildReleased> context, Exception exception) => Task.CompletedTask;

    private Task Record(long sequence, int attempt, Action<Times, long> set)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (!children.TryGetValue((sequence, attempt), out var times))
            {
                children[(sequence, attempt)] = times = new Times();
            }

            set(times, now);
        }

        return Task.CompletedTask;
    }

    private sealed class Times
    {
        public string? WorkerId { get; set; }
        public long Sent { get; set; }
        public long Confirmed { get; set; }
        public long Started { get; set; }
        public long Evaluated { get; set; }
    }

    private sealed class Handles(IEnumerable<ConnectHandle> handles) : IDisposable
    {
        public void Dispose()
        {
            foreach (var handle in handles)
            {
                handle.Disconnect();
            }
        }
    }
}
