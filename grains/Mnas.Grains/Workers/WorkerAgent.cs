using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Workers;

/// <summary>
/// A worker: a number of slots that each run one child at a time. A child assigned to it starts at once in the
/// background — the assignment message is acknowledged immediately, never held for the length of a training — and
/// the worker reports itself and its running children every heartbeat interval, which keeps their leases alive.
/// Stopping gracefully cancels the running children between steps and hands them back (the attempt does not count).
/// </summary>
public sealed class WorkerAgent : IAsyncDisposable
{
    private readonly IChildRunner runner;
    private readonly IPublishEndpoint bus;
    private readonly RuntimeOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<(string Campaign, long Sequence), Running> running = new();
    private readonly CancellationTokenSource life = new();
    private readonly object gate = new();
    private readonly Polly.ResiliencePipeline delivery;
    private Task heartbeats = Task.CompletedTask;
    private volatile bool stopping;
    private volatile bool killed;

    public WorkerAgent(WorkerIdentity identity, int slots, IChildRunner runner, IPublishEndpoint bus, RuntimeOptions options,
        TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        (Identity, Slots, this.runner, this.bus, this.options) = (identity, slots, runner, bus, options);
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        delivery = AnswerDelivery.Create(options, (e, attempt) =>
            this.logger.LogWarning("worker {Worker}: an answer could not be sent ({Error}); trying again (attempt {Attempt})", Id, e.Message, attempt));
    }

    public WorkerIdentity Identity { get; }

    public string Id => Identity.WorkerId;

    public int Slots { get; }

    public int Busy => running.Values.Count(r => !r.Answering);

    /// <summary>Killed (see <see cref="KillAsync"/>): it takes nothing and answers nothing, as a dead process.</summary>
    public bool Killed => killed;

    /// <summary>Starts reporting: one heartbeat now, then one every interval.</summary>
    public async Task StartAsync()
    {
        await PublishHeartbeatAsync();
        heartbeats = Task.Run(HeartbeatLoopAsync);
        WorkerMetrics.Started(this);
    }

    /// <summary>Its heartbeat loop runs: started, not stopping, and the loop has not ended.</summary>
    public bool Alive => !stopping && !killed && heartbeats is { IsCompleted: false };

    /// <summary>
    /// Takes an assigned child if a slot is free and the worker is not stopping. The same attempt delivered again (the
    /// broker redelivers what it did not see acknowledged) is <see cref="Assignment.AlreadyRunning"/>: nothing to do.
    /// </summary>
    public Assignment TryAccept(TrainChild request)
    {
        lock (gate)
        {
            if (running.TryGetValue((request.CampaignId, request.Sequence), out var current) && current.Request.Attempt == request.Attempt &&
                current.Request.Job == request.Job && !current.Answering)
            {
                return Assignment.AlreadyRunning;
            }
            if (stopping || killed || Busy >= Slots || running.ContainsKey((request.CampaignId, request.Sequence)))
            {
                return Assignment.Refused;
            }

            var entry = new Running(request, CancellationTokenSource.CreateLinkedTokenSource(life.Token));
            running[(request.CampaignId, request.Sequence)] = entry;
            entry.Task = Task.Run(() => RunAsync(entry));
            return Assignment.Accepted;
        }
    }

    private async Task RunAsync(Running entry)
    {
        var request = entry.Request;
        var key = (request.CampaignId, request.Sequence);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (request.Job != ChildJob.Latency)
            {
                await TryPublishAsync(new ChildStarted(request.CampaignId, request.Sequence, request.Attempt));
            }
            await PublishHeartbeatAsync();
            object answer;
            try
            {
                answer = request.Job == ChildJob.Latency ? await MeasureLatencyAsync(request, entry.Cancellation.Token)
                    : await runner.RunAsync(request, entry.Cancellation.Token);
            }
            catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
            {
                logger.LogInformation("worker {Worker}: handing child {Sequence} of {Campaign} back (stopping)", Id, request.Sequence, request.CampaignId);
                answer = new ChildReleased(request.CampaignId, request.Sequence, request.Attempt, Id, "the worker is stopping");
            }
            // Its slot is free from now on: the coordinator may assign the next child before the answer is confirmed sent.
            entry.Answering = true;
            WorkerMetrics.Finished(request.Job, WorkerMetrics.OutcomeOf(answer), System.Diagnostics.Stopwatch.GetElapsedTime(started));
            if (!killed)
            {
                await delivery.ExecuteAsync(async _ => await bus.Publish(answer, answer.GetType()), CancellationToken.None);
            }
            running.TryRemove(key, out _);
            await PublishHeartbeatAsync();
        }
        catch (Exception e)
        {
            running.TryRemove(key, out _);
            logger.LogError(e, "worker {Worker}: child {Sequence} of {Campaign} could not be answered", Id, request.Sequence, request.CampaignId);
        }
        finally
        {
            entry.Cancellation.Dispose();
        }
    }

    private async Task<LatencyMeasured> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation)
    {
        try
        {
            var latency = await runner.MeasureLatencyAsync(request, cancellation);
            return double.IsFinite(latency) && latency > 0
                ? new LatencyMeasured(request.CampaignId, request.Sequence, request.Attempt, Id, true, null, latency)
                : new LatencyMeasured(request.CampaignId, request.Sequence, request.Attempt, Id, false, $"latency measured as {latency} ms", 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new LatencyMeasured(request.CampaignId, request.Sequence, request.Attempt, Id, false,
                $"latency measurement failed on worker {Id}: {e.GetType().Name}: {e.Message}", 0);
        }
    }

    /// <summary>Stops gracefully: no new children; running ones stop between steps and are handed back; a last heartbeat says so.</summary>
    public async Task StopAsync()
    {
        lock (gate)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
        }

        WorkerMetrics.Stopped(this);
        await life.CancelAsync();
        await Task.WhenAll(running.Values.Select(r => r.Task ?? Task.CompletedTask));
        await heartbeats;
        if (!killed)
        {
            await PublishHeartbeatAsync();
        }
    }

    /// <summary>Stops at once with no word to anyone, as a process killed outright would: its children are found lost when their leases run out.</summary>
    public async Task KillAsync()
    {
        killed = true;
        await StopAsync();
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(life.Token))
            {
                await PublishHeartbeatAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A heartbeat, or a warning when the broker cannot take it now (the next tick tries again).</summary>
    private async Task PublishHeartbeatAsync()
    {
        if (killed)
        {
            return;
        }

        var children = running.Values.Where(r => !r.Answering).Select(r => new RunningChild(r.Request.CampaignId, r.Request.Sequence, r.Request.Attempt, r.Request.Job))
            .ToArray();
        await TryPublishAsync(new WorkerHeartbeat(Id, Identity.DeviceClass, Identity.Device, Identity.Threads, Slots, children, stopping,
            clock.GetUtcNow()));
    }

    private async Task TryPublishAsync<T>(T message)
        where T : class
    {
        try
        {
            await bus.Publish(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("worker {Worker}: could not send {Message}: {Error}", Id, typeof(T).Name, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        life.Dispose();
    }

    private sealed class Running(TrainChild request, CancellationTokenSource cancellation)
    {
        public TrainChild Request { get; } = request;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task? Task { get; set; }

        /// <summary>Finished: its answer is being sent, and it no longer holds a slot.</summary>
        public bool Answering { get; set; }
    }
}
