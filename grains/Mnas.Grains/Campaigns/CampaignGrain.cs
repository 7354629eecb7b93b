using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Spec;
using Mnas.Store;
using Mnas.Strategies;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// One campaign's controller (key: the campaign id). Woken, it opens the campaign from the store — its children and
/// last checkpoint — and runs its strategy's loop on the grain's turns until the budget is spent; the workers' answers
/// arrive as calls between those turns. A timer takes back the children of workers that left the cluster, keeps the
/// count of live slots, and stops the run when the store no longer has the campaign running; a reminder wakes it again
/// on another silo when its silo dies (the keeper of each controller silo does too, sooner).
/// </summary>
/// <remarks>
/// State: the engine (while the campaign runs here), its jobs on workers (<see cref="ChildAssignments"/>), the live
/// slots of the class it trains on, and why it waits, if it does. None of it is stored: the store is the campaign's
/// record, and a new activation rebuilds the rest from it and from the workers' announcements.
/// </remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class CampaignGrain(ICampaignStore store, RuntimeOptions options, CampaignLaunches launches, ILogger<CampaignGrain> logger)
    : Grain, ICampaignGrain, IRemindable
{
    private const string WakeReminder = "wake";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StatusPoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(20);

    private ChildAssignments assignments = null!;
    private CampaignEngine? engine;
    private CampaignSpec? spec;
    private Task? run;
    private CancellationTokenSource? stop;
    private TaskCompletionSource<CampaignEngine?> opened = NewOpening();
    private IGrainTimer? timer;
    private int liveSlots;
    private string? waiting;
    private DateTimeOffset lastStatusCheck;
    private DateTimeOffset nextTry;
    private TimeSpan pause = FirstPause;

    private string Id => this.GetPrimaryKeyString();

    private IWorkerDirectoryGrain Directory => GrainFactory.GetGrain<IWorkerDirectoryGrain>(0);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        assignments = new ChildAssignments(Id, GrainFactory, logger);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StopRunAsync();
    }

    public Task Wake()
    {
        if (run is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }
        var launch = launches.Find(Id);
        if (launch == null && DateTimeOffset.UtcNow < nextTry)
        {
            return Task.CompletedTask;
        }
        stop = new CancellationTokenSource();
        opened = NewOpening();
        run = RunAsync(launch, stop.Token);
        return Task.CompletedTask;
    }

    public async Task Abandon()
    {
        await StopRunAsync();
        DeactivateOnIdle();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Wake();

    // A run waits for workers before its engine opens, too (none of the class it trains on is live).
    public Task<CampaignActivity> Activity() => Task.FromResult(new CampaignActivity(
        run is not { IsCompleted: false } ? CampaignActivity.Idle : waiting == null ? CampaignActivity.Active : CampaignActivity.WaitingForWorkers,
        waiting, assignments.Queued, assignments.Running));

    public async Task ChildStarted(ChildStarted message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnStartedAsync(message, CancellationToken.None);
        }
    }

    public async Task ChildEvaluated(ChildEvaluated message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnEvaluatedAsync(message, CancellationToken.None);
        }
        else
        {
            await NotRunningAsync(message.Sequence, message.Attempt, message.WorkerId, "result");
        }
    }

    public async Task LatencyMeasured(LatencyMeasured message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnLatencyMeasuredAsync(message, CancellationToken.None);
        }
        else
        {
            await NotRunningAsync(message.Sequence, message.Attempt, message.WorkerId, "latency");
        }
    }

    public async Task ChildReleased(ChildReleased message)
    {
        // A hand-back does not wake a campaign that does not run here: its next run sends the child out again anyway.
        if (engine is { } open)
        {
            await open.OnReleasedAsync(message, CancellationToken.None);
        }
        else
        {
            await NotRunningAsync(message.Sequence, message.Attempt, message.WorkerId, "hand-back");
        }
    }

    public async Task SupernetEpoch(SupernetEpochReported message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnSupernetEpochAsync(message, CancellationToken.None);
        }
        else
        {
            // Not recorded: the worker's next attempt (the campaign's next run) goes on from the last epoch the store holds.
            await NotRunningAsync(TrainChild.SupernetSequence, message.Attempt, message.WorkerId, $"supernet epoch {message.Epoch}");
        }
    }

    public async Task SupernetTrained(SupernetTrained message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnSupernetTrainedAsync(message, CancellationToken.None);
        }
        else
        {
            await NotRunningAsync(TrainChild.SupernetSequence, message.Attempt, message.WorkerId, "supernet");
        }
    }

    public async Task LatencyTableMeasured(LatencyTableMeasured message)
    {
        if (await EngineForAnswerAsync() is { } open)
        {
            await open.OnLatencyTableMeasuredAsync(message, CancellationToken.None);
        }
        else
        {
            await NotRunningAsync(TrainChild.LatencyTableSequence, message.Attempt, message.WorkerId, "latency table");
        }
    }

    public Task SlotsFreed() => engine == null ? Task.CompletedTask : assignments.PumpAsync();

    /// <summary>The open engine, waking the campaign first if this answer found it asleep (its silo died, or it was abandoned); null when it does not run.</summary>
    private async Task<CampaignEngine?> EngineForAnswerAsync()
    {
        if (engine != null)
        {
            return engine;
        }
        await Wake();
        try
        {
            return await opened.Task.WaitAsync(AnswerWait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"campaign {Id} did not open within {AnswerWait.TotalSeconds:0} s; the answer is to be sent again");
        }
    }

    private Task NotRunningAsync(long sequence, int attempt, string workerId, string what)
    {
        logger.LogInformation("campaign {Campaign}: {What} for child {Sequence} attempt {Attempt} from worker {Worker} ignored: the campaign does not run",
            Id, what, sequence, attempt, workerId);
        return Task.CompletedTask;
    }

    private async Task RunAsync(CampaignLaunch? launch, CancellationToken cancellation)
    {
        var ended = false;
        try
        {
            var campaign = await store.GetCampaignAsync(Id, cancellation)
                ?? throw new ArgumentException($"campaign: no campaign '{Id}' in the store");
            if (launch == null && campaign.Status != CampaignStatus.Running)
            {
                opened.TrySetResult(null);
                ended = true;
                return;
            }
            var settings = launch == null ? CampaignSettings.FromJson(campaign.Strategy) : null;
            spec = CampaignSpecLoader.FromJson(campaign.SpecJson, $"campaign {campaign.Id}");
            var strategy = launch?.Strategy ?? StrategyFactory.Create(settings!, campaign.Seed, spec);
            var budget = launch?.Budget ?? settings!.Budget;
            if (launch == null)
            {
                await RegisterWakeReminderAsync();
            }
            timer ??= this.RegisterGrainTimer(TickAsync, Tick, Tick);
            await WaitForWorkersAsync(cancellation);
            engine = await CampaignEngine.OpenAsync(campaign, store, assignments, () => liveSlots, options, budget, launch?.Clock, logger, cancellation);
            opened.TrySetResult(engine);
            pause = FirstPause;
            CampaignMetrics.Opened(this, () => assignments.Running);
            if ((await store.UpdateCampaignStatusAsync(Id, CampaignStatus.Running, cancellation)).Status is CampaignStatus.Cancelled)
            {
                logger.LogInformation("campaign {Campaign}: cancelled before it started", Id);
                launch?.Finish(campaign with { Status = CampaignStatus.Cancelled });
                ended = true;
                return;
            }
            lastStatusCheck = DateTimeOffset.UtcNow;
            logger.LogInformation("campaign {Campaign}: {Action} with strategy {Strategy}", Id, engine.RestoredState == null ? "starting" : "resuming",
                strategy.Name);
            await strategy.RunAsync(engine.Space, engine, engine.RestoredState, cancellation);
            var finished = await store.UpdateCampaignStatusAsync(Id, CampaignStatus.Completed, cancellation);
            if (finished.Status is CampaignStatus.Cancelled)
            {
                logger.LogInformation("campaign {Campaign}: budget spent, but it was cancelled meanwhile", Id);
            }
            else
            {
                logger.LogInformation("campaign {Campaign}: budget spent, completed", Id);
            }
            launch?.Finish(campaign with { Status = finished.Status });
            ended = true;
            pause = FirstPause;
        }
        catch (CampaignFailedException e)
        {
            logger.LogError("campaign {Campaign} failed: {Error}", Id, e.Message);
            await store.AppendEventAsync(Id, "failed", $"the campaign failed: {e.Message}", DateTimeOffset.UtcNow, CancellationToken.None);
            await store.UpdateCampaignStatusAsync(Id, CampaignStatus.Failed, CancellationToken.None);
            launch?.Fail(e);
            opened.TrySetResult(null);
            ended = true;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            logger.LogInformation("campaign {Campaign}: stopped here", Id);
            opened.TrySetResult(null);
            ended = await NoLongerRunningAsync();
            if (ended && launch != null && await store.GetCampaignAsync(Id, CancellationToken.None) is { } stopped)
            {
                launch.Finish(stopped);
            }
            launch?.Fail(new OperationCanceledException($"campaign {Id} was stopped", null, cancellation));
        }
        catch (Exception e)
        {
            logger.LogError(e, "campaign {Campaign} stopped: {Error}; opening it again from its last checkpoint in {Pause} s", Id, e.Message,
                pause.TotalSeconds);
            launch?.Fail(e);
            opened.TrySetException(e);
            nextTry = DateTimeOffset.UtcNow + pause;
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
        finally
        {
            CampaignMetrics.Closed(this);
            engine = null;
            waiting = null;
            timer?.Dispose();
            timer = null;
            opened.TrySetResult(null);
            // Jobs still on workers are left there: a later run adopts them by the workers' announcements.
            assignments = new ChildAssignments(Id, GrainFactory, logger);
            if (ended)
            {
                await ForgetReminderAsync();
                DeactivateOnIdle();
            }
        }
    }

    private async Task<bool> NoLongerRunningAsync()
    {
        try
        {
            return (await store.GetCampaignAsync(Id, CancellationToken.None))?.Status != CampaignStatus.Running;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The reminder that wakes the campaign on another silo should this one die. Best effort: a reminder service still
    /// starting does not stop the run (the controllers' keepers wake running campaigns too); the next run tries again.
    /// </summary>
    private async Task RegisterWakeReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: its wake-up reminder could not be registered now: {Error}", Id, e.Message);
        }
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: its wake-up reminder could not be removed: {Error}", Id, e.Message);
        }
    }

    private async Task WaitForWorkersAsync(CancellationToken cancellation)
    {
        var said = false;
        while ((liveSlots = await LiveSlotsAsync()) == 0)
        {
            waiting = spec!.Proxy.DeviceClass is { } deviceClass ? $"no live worker of device class {deviceClass}" : "no live worker";
            if (!said)
            {
                logger.LogInformation("campaign {Campaign}: waiting for a worker ({Waiting})", Id, waiting);
                said = true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
        waiting = null;
    }

    /// <summary>The live slots of the class the campaign trains on; none while the directory cannot be reached (its silo is dying).</summary>
    private async Task<int> LiveSlotsAsync()
    {
        try
        {
            return (await Directory.Census(spec!.Proxy.DeviceClass)).Slots;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: the worker directory could not be reached: {Error}; trying again", Id, e.Message);
            return 0;
        }
    }

    private async Task TickAsync(CancellationToken cancellation)
    {
        if (engine is not { } open)
        {
            return;
        }
        try
        {
            foreach (var lost in await assignments.TakeLostAsync())
            {
                logger.LogWarning("campaign {Campaign}: worker {Worker} is gone; child {Sequence} attempt {Attempt} goes back to the queue", Id,
                    lost.Job.WorkerId, lost.Job.Sequence, lost.Job.Attempt);
                await open.OnWorkerLostAsync(lost.Job, cancellation);
            }
            liveSlots = (await Directory.Census(spec!.Proxy.DeviceClass)).Slots;
            await SayWhetherWaitingAsync(open);
            if (assignments.Queued > 0)
            {
                await assignments.PumpAsync();
            }
            if (DateTimeOffset.UtcNow - lastStatusCheck >= StatusPoll)
            {
                lastStatusCheck = DateTimeOffset.UtcNow;
                if (await NoLongerRunningAsync())
                {
                    logger.LogInformation("campaign {Campaign}: no longer marked running; stopping", Id);
                    await (stop?.CancelAsync() ?? Task.CompletedTask);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: its periodic check failed: {Error}; trying again", Id, e.Message);
        }
    }

    private async Task SayWhetherWaitingAsync(CampaignEngine open)
    {
        var starved = assignments.Starved.Where(c => c != null).Order(StringComparer.Ordinal).ToList();
        var now = starved.Count > 0 ? $"no live worker of device class {string.Join(", ", starved)}: its jobs wait for one"
            : liveSlots == 0 ? "no live worker: jobs wait for one" : null;
        if (now != null && now != waiting)
        {
            await open.EventAsync("waiting", now);
        }
        waiting = now;
    }

    private async Task StopRunAsync()
    {
        if (run is { IsCompleted: false } running)
        {
            await (stop?.CancelAsync() ?? Task.CompletedTask);
            try
            {
                await running;
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "campaign {Campaign}: its run ended on stopping", Id);
            }
        }
    }

    private static TaskCompletionSource<CampaignEngine?> NewOpening() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
