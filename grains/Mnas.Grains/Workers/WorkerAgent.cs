using Polly;
using Polly.Retry;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Workers;

/// <summary>
/// A worker: a number of slots that each run one child at a time. A child assigned to it starts at once on a thread of
/// its own — the grain call that assigned it returns immediately, never held for the length of a training — and the
/// worker announces itself and its running children to the directory every announce interval and whenever they change.
/// Its answers go to the campaigns by grain calls, sent again until taken (a campaign's silo may be dying). Stopping
/// gracefully cancels the running children between steps and hands them back (the attempt does not count).
/// </summary>
public sealed class WorkerAgent : IAsyncDisposable
{
    private readonly IChildRunner runner;
    private readonly IWorkerReports reports;
    private readonly SiloAddress silo;
    private readonly RuntimeOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<(string Campaign, long Sequence), Running> running = new();
    private readonly CancellationTokenSource life = new();
    private readonly CancellationTokenSource handOver = new();

    /// <summary>How long a stopping worker keeps trying to hand its answers over.</summary>
    private static readonly TimeSpan HandOverTime = TimeSpan.FromSeconds(10);
    private readonly object gate = new();
    private readonly Polly.ResiliencePipeline delivery;
    private Task announcements = Task.CompletedTask;
    private volatile bool stopping;
    private volatile bool killed;

    public WorkerAgent(WorkerIdentity identity, int slots, IChildRunner runner, IWorkerReports reports, SiloAddress silo, RuntimeOptions options,
        TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        (Identity, Slots, this.runner, this.reports, this.silo, this.options) = (identity, slots, runner, reports, silo, options);
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        delivery = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = 60,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    this.logger.LogWarning("worker {Worker}: an answer could not be handed over ({Error}); trying again (attempt {Attempt})", Id,
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public WorkerIdentity Identity { get; }

    public string Id => Identity.WorkerId;

    public int Slots { get; }

    public int Busy => running.Values.Count(r => !r.Answering);

    /// <summary>Killed (see <see cref="KillAsync"/>): it takes nothing and answers nothing, as a dead process.</summary>
    public bool Killed => killed;

    /// <summary>Starts announcing itself: once now, then every interval.</summary>
    public async Task StartAsync()
    {
        await AnnounceAsync();
        announcements = Task.Run(AnnounceLoopAsync);
        WorkerMetrics.Started(this);
    }

    /// <summary>Its announcements go on: started, not stopping, and the loop has not ended.</summary>
    public bool Alive => !stopping && !killed && announcements is { IsCompleted: false };

    /// <summary>
    /// Takes an assigned child if a slot is free and the worker is not stopping. The same attempt assigned again (a call
    /// made again after a lost response) is <see cref="Assignment.AlreadyRunning"/>: nothing to do.
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
            // Training is CPU-bound for minutes: a thread of its own, off the grain scheduler and the thread pool's queue.
            entry.Task = Task.Factory.StartNew(() => RunAsync(entry), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .Unwrap();
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
            if (request.Job is not (ChildJob.Latency or ChildJob.LatencyTable))
            {
                await TrySendAsync(() => reports.StartedAsync(new ChildStarted(request.CampaignId, request.Sequence, request.Attempt, Id)));
            }
            await AnnounceAsync();
            object answer;
            try
            {
                answer = request.Job switch
                {
                    ChildJob.Latency => await MeasureLatencyAsync(request, entry.Cancellation.Token),
                    ChildJob.Supernet => await TrainSupernetAsync(request, entry.Cancellation.Token),
                    ChildJob.LatencyTable => await TimeOperatorsAsync(request, entry.Cancellation.Token),
                    _ => await runner.RunAsync(request, entry.Cancellation.Token),
                };
            }
            catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
            {
                logger.LogInformation("worker {Worker}: handing child {Sequence} of {Campaign} back (stopping)", Id, request.Sequence, request.CampaignId);
                answer = new ChildReleased(request.CampaignId, request.Sequence, request.Attempt, Id, "the worker is stopping");
            }
            // Its slot is free from now on: the campaign may assign the next child before this answer's call returns.
            entry.Answering = true;
            WorkerMetrics.Finished(request.Job, WorkerMetrics.OutcomeOf(answer), System.Diagnostics.Stopwatch.GetElapsedTime(started));
            if (!killed)
            {
                await delivery.ExecuteAsync(async _ =>
                {
                    if (!killed)
                    {
                        await reports.AnswerAsync(answer);
                    }
                }, handOver.Token);
            }
            running.TryRemove(key, out _);
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

    /// <summary>Times the operators a campaign's latency table lacks; a failure (or a time not positive) is answered, not thrown.</summary>
    private async Task<LatencyTableMeasured> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation)
    {
        try
        {
            var entries = await runner.TimeOperatorsAsync(request, cancellation);
            var bad = entries.FirstOrDefault(e => !(double.IsFinite(e.Value) && e.Value > 0));
            return bad.Key == null
                ? new LatencyTableMeasured(request.CampaignId, request.Attempt, Id, true, null, entries)
                : new LatencyTableMeasured(request.CampaignId, request.Attempt, Id, false, $"operator {bad.Key} timed as {bad.Value} ms", []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new LatencyTableMeasured(request.CampaignId, request.Attempt, Id, false,
                $"timing operators failed on worker {Id}: {e.GetType().Name}: {e.Message}", []);
        }
    }

    /// <summary>
    /// Trains a campaign's supernet; each epoch is handed over (sent again until taken) before the next starts, so the
    /// campaign holds the state of every epoch this worker finished. A failure is answered, not thrown.
    /// </summary>
    private async Task<SupernetTrained> TrainSupernetAsync(TrainChild request, CancellationToken cancellation)
    {
        try
        {
            return await runner.TrainSupernetAsync(request with { WorkerId = Id }, async epoch =>
            {
                if (killed)
                {
                    throw new OperationCanceledException("the worker was killed", cancellation);
                }
                await delivery.ExecuteAsync(async _ => await reports.SupernetEpochAsync(epoch), cancellation);
            }, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SupernetTrained(request.CampaignId, request.Attempt, Id, false, $"the supernet failed on worker {Id}: {e.GetType().Name}: {e.Message}",
                null);
        }
    }

    /// <summary>Stops gracefully: no new children; running ones stop between steps and are handed back; then it leaves the directory.</summary>
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
        if (!killed)
        {
            await AnnounceAsync();
        }
        // Answers still undelivered after the hand-over time (no campaign runs to take them) are given up: the process may go.
        var children = Task.WhenAll(running.Values.Select(r => r.Task ?? Task.CompletedTask));
        if (await Task.WhenAny(children, Task.Delay(HandOverTime)) != children)
        {
            logger.LogWarning("worker {Worker}: {Count} answer(s) not taken within {Seconds} s of stopping; given up", Id, running.Count,
                HandOverTime.TotalSeconds);
            await handOver.CancelAsync();
        }
        await children;
        await announcements;
        if (!killed)
        {
            await TrySendAsync(() => reports.LeaveAsync(Id));
        }
    }

    /// <summary>Stops at once with no word to anyone, as a process killed outright would: the directory finds it gone when its announcements stop.</summary>
    public async Task KillAsync()
    {
        killed = true;
        await StopAsync();
    }

    private async Task AnnounceLoopAsync()
    {
        using var timer = new PeriodicTimer(options.AnnounceInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(life.Token))
            {
                await AnnounceAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Tells the directory who it is and what it runs; a warning when it cannot now (the next tick tries again).</summary>
    private async Task AnnounceAsync()
    {
        if (killed)
        {
            return;
        }

        // Finished children are listed until their answers are taken, so a campaign opened meanwhile awaits them instead of running them again.
        var children = running.Values.Select(r => new RunningChild(r.Request.CampaignId, r.Request.Sequence, r.Request.Attempt, r.Request.Job, r.Answering))
            .ToArray();
        await TrySendAsync(() => reports.AnnounceAsync(new WorkerAnnouncement(Id, Identity.DeviceClass, Identity.Device, Identity.Threads, Slots, children,
            stopping, silo, clock.GetUtcNow())));
    }

    private async Task TrySendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("worker {Worker}: a report could not be sent: {Error}", Id, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        life.Dispose();
        handOver.Dispose();
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
