using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Store;
using Mnas.Strategies;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// A campaign as the engine its strategy sees, inside the campaign's grain. It records each child's lifecycle in the
/// store, keeps every worker busy, reuses recorded results of identical architectures, retries failed attempts, turns
/// measurements into rewards, keeps each done child's training curve, and persists the strategy's state and its update
/// history at every update. On a resumed campaign it replays: proposals that match recorded children reuse them.
/// </summary>
/// <remarks>
/// Everything here runs on the grain's turns, one at a time (the strategy's loop between the workers' answers), so it
/// holds no locks; the answers' handlers finish each child's record before the next answer is taken.
/// </remarks>
internal sealed partial class CampaignEngine : ISearchEngine
{
    private readonly Campaign campaign;
    private readonly CampaignSpec spec;
    private readonly ModelSpace space;
    private readonly string strategy;
    private readonly CampaignArchitectures architectures;
    private readonly CampaignReward reward;
    private readonly ICampaignStore store;
    private readonly ChildAssignments assignments;
    private readonly Func<int> liveSlots;
    private readonly RuntimeOptions options;
    private readonly CampaignBudget budget;
    private readonly TimeProvider clock;
    private readonly long started;
    private readonly Channel<Outcome> results = Channel.CreateUnbounded<Outcome>();
    private readonly Dictionary<long, Child> recorded;
    private readonly SortedSet<long> undelivered = [];
    private readonly List<long> delivered = [];
    private ILogger logger = NullLogger.Instance;
    private long submitted;
    private long checkpointVersion;

    private CampaignEngine(Campaign campaign, CampaignSpec spec, ICampaignStore store, ChildAssignments assignments, Func<int> liveSlots,
        RuntimeOptions options, CampaignBudget budget, TimeProvider clock, Dictionary<long, Child> recorded)
    {
        (this.campaign, this.spec, this.store, this.assignments, this.liveSlots, this.options, this.budget, this.clock, this.recorded) =
            (campaign, spec, store, assignments, liveSlots, options, budget, clock, recorded);
        space = new ModelSpace(spec);
        strategy = CampaignSettings.StrategyOf(campaign.Strategy);
        architectures = CampaignArchitectures.For(spec, strategy);
        reward = CampaignReward.For(spec, space, architectures);
        started = clock.GetTimestamp();
    }

    public string CampaignId => campaign.Id;

    public ModelSpace Space => space;

    /// <summary>The strategy state to resume from (null for a new campaign).</summary>
    public byte[]? RestoredState { get; private set; }

    /// <summary>
    /// Free worker slots (of the live workers the directory lists): each child submitted and not yet taken by
    /// <see cref="NextAsync"/> holds one, even one answered at once from a recorded result. So a strategy sees every result before it proposes
    /// past it, whether the result was just measured or replayed on resume, and replays stay exact.
    /// </summary>
    public int Capacity => BudgetExhausted ? 0 : Math.Max(0, liveSlots() - undelivered.Count);

    public int InFlight => undelivered.Count;

    public bool BudgetExhausted => budget.Exhausted(submitted, clock.GetElapsedTime(started));

    /// <summary>Opens a campaign's coordinator: loads its children and, when resuming, its last checkpoint.</summary>
    public static async Task<CampaignEngine> OpenAsync(Campaign campaign, ICampaignStore store, ChildAssignments assignments, Func<int> liveSlots,
        RuntimeOptions options, CampaignBudget budget, TimeProvider? clock = null, ILogger? logger = null, CancellationToken cancellation = default)
    {
        var spec = CampaignSpecLoader.FromJson(campaign.SpecJson, $"campaign {campaign.Id}");
        var children = await store.ListChildrenAsync(campaign.Id, cancellationToken: cancellation);
        var engine = new CampaignEngine(campaign, spec, store, assignments, liveSlots, options, budget, clock ?? TimeProvider.System,
            children.ToDictionary(c => c.Sequence));
        engine.logger = logger ?? NullLogger.Instance;
        if (PredictorStrategies.SearchesRecipes(engine.strategy))
        {
            await engine.LoadLatencyTableAsync(cancellation);
        }
        var checkpoint = await store.GetLatestCheckpointAsync(campaign.Id, cancellation);
        if (checkpoint != null)
        {
            var envelope = CheckpointEnvelope.FromBytes(checkpoint.State);
            engine.checkpointVersion = checkpoint.Version;
            engine.submitted = envelope.SubmittedThrough;
            engine.RestoredState = envelope.StrategyState;
            engine.delivered.AddRange(envelope.Delivered);
            // Children the strategy was waiting for at its checkpoint: results already recorded are
            // handed over again in the order they finished; the others are evaluated again.
            foreach (var child in envelope.Undelivered.Select(s => engine.recorded[s]).OrderBy(c => IsFinished(c) ? 0 : 1).ThenBy(c => c.UpdatedAt))
            {
                engine.undelivered.Add(child.Sequence);
                await engine.ResumeAsync(child.Sequence, cancellation);
            }
        }
        return engine;
    }

    public async ValueTask<long> SubmitAsync(Proposal proposal, CancellationToken cancellation)
    {
        var sequence = ++submitted;
        undelivered.Add(sequence);
        var architecture = proposal.Architecture;
        if (recorded.TryGetValue(sequence, out var existing))
        {
            if (existing.Architecture != architecture)
            {
                throw new InvalidOperationException(
                    $"campaign {campaign.Id} diverged on resume: child {sequence} was {existing.Architecture} but the strategy proposed {architecture}");
            }
            await ResumeAsync(sequence, cancellation);
            return sequence;
        }

        var now = clock.GetUtcNow();
        var child = new Child(campaign.Id, sequence, architecture, proposal.Tokens, proposal.LogProbability, proposal.PolicyVersion,
            ChildStatus.Sampled, 0, null, null, null, now);
        var duplicate = await store.FindDoneChildAsync(campaign.Id, architecture, cancellation);
        if (duplicate != null)
        {
            child = child with { Status = ChildStatus.Done, Metrics = duplicate.Metrics, Reward = duplicate.Reward };
            await store.AddChildAsync(child, cancellation);
            await Event("reused", $"child {sequence} has the architecture of child {duplicate.Sequence}: its result is reused");
            Deliver(child);
            return sequence;
        }
        await DispatchAsync(await store.AddChildAsync(child, cancellation), cancellation);
        return sequence;
    }

    public async ValueTask<Outcome> NextAsync(CancellationToken cancellation)
    {
        var outcome = await results.Reader.ReadAsync(cancellation);
        undelivered.Remove(outcome.Sequence);
        delivered.Add(outcome.Sequence);
        return outcome;
    }

    public async ValueTask WaitForOutcomeAsync(CancellationToken cancellation) => await results.Reader.WaitToReadAsync(cancellation);

    public async ValueTask CheckpointAsync(byte[] state, IReadOnlyList<long> included, CancellationToken cancellation)
    {
        var envelope = new CheckpointEnvelope(submitted, undelivered.ToList(), delivered.ToList(), state);
        var version = ++checkpointVersion;
        logger.LogInformation("campaign {Campaign}: controller checkpoint {Version} after {Count} more children", campaign.Id, version, included.Count);
        await store.SaveCheckpointAsync(
            new ControllerCheckpoint(campaign.Id, version, included.Count > 0 ? included.Max() : 0, envelope.ToBytes(), clock.GetUtcNow()), cancellation);
    }

    /// <summary>Records the update in the campaign's controller history, with a <c>controller</c> event; a version already recorded (an update made again after a resume) is left as it was.</summary>
    public async ValueTask ReportUpdateAsync(ControllerReport report, CancellationToken cancellation)
    {
        var recorded = await store.AppendControllerUpdateAsync(
            new ControllerUpdateRecord(campaign.Id, report.Version, clock.GetUtcNow(), report.Children, report.MeanReward, report.Baseline, report.Entropy),
            cancellation);
        if (recorded)
        {
            await Event("controller", string.Create(CultureInfo.InvariantCulture,
                $"controller update {report.Version}: mean reward {report.MeanReward:F4} over {report.Children} children, baseline {report.Baseline:F4}, entropy {report.Entropy:F4}"));
        }
    }

    /// <summary>A child's training began; the campaign's one-off jobs (supernet, latency table) are not children and keep no status.</summary>
    public Task OnStartedAsync(ChildStarted message, CancellationToken cancellation) =>
        message.Sequence is TrainChild.SupernetSequence or TrainChild.LatencyTableSequence ? Task.CompletedTask : RecordStartedAsync(message, cancellation);

    /// <summary>A worker's result or failure; one from a worker the attempt was not given to is refused.</summary>
    public async Task OnEvaluatedAsync(ChildEvaluated message, CancellationToken cancellation)
    {
        if (await assignments.FinishAsync(message.Sequence, message.Attempt, message.WorkerId) == null)
        {
            await StrayAsync(message.Sequence, message.Attempt, message.WorkerId, message.Succeeded ? "result" : "failure");
            return;
        }
        await RecordEvaluatedAsync(message, cancellation);
    }

    public async Task OnLatencyMeasuredAsync(LatencyMeasured message, CancellationToken cancellation)
    {
        if (await assignments.FinishAsync(message.Sequence, message.Attempt, message.WorkerId) == null)
        {
            await StrayAsync(message.Sequence, message.Attempt, message.WorkerId, "latency");
            return;
        }
        await RecordLatencyAsync(message, cancellation);
    }

    /// <summary>A worker handed the child back unanswered (stopping, or no free slot): it goes to another worker, same attempt.</summary>
    public async Task OnReleasedAsync(ChildReleased message, CancellationToken cancellation)
    {
        if (await assignments.FinishAsync(message.Sequence, message.Attempt, message.WorkerId) == null)
        {
            await StrayAsync(message.Sequence, message.Attempt, message.WorkerId, "hand-back");
            return;
        }
        switch (message.Sequence)
        {
            case TrainChild.SupernetSequence:
                await RecordSupernetReleasedAsync(message, cancellation);
                return;
            case TrainChild.LatencyTableSequence:
                await RecordLatencyTableReleasedAsync(message);
                return;
        }
        await RecordReleasedAsync(message, cancellation);
    }

    /// <summary>The worker running the job is gone (its silo was declared dead, or it went silent): the attempt counts as failed and is retried while attempts remain.</summary>
    public Task OnWorkerLostAsync(TrainChild job, CancellationToken cancellation) => job.Sequence switch
    {
        TrainChild.SupernetSequence =>
            SupernetAttemptFailedAsync(job.Attempt, $"worker {job.WorkerId} lost: it left the cluster while training the supernet", cancellation),
        TrainChild.LatencyTableSequence =>
            LatencyTableAttemptFailedAsync(job.Attempt, $"worker {job.WorkerId} lost: it left the cluster while timing operators"),
        _ => RecordEvaluatedAsync(new ChildEvaluated(campaign.Id, job.Sequence, job.Attempt, false,
            $"worker {job.WorkerId} lost: it left the cluster while running the child", 0, 0, 0, 0, 0, 0), cancellation),
    };

    /// <summary>An answer from a worker the attempt is not given to (a worker found lost, answering late): recorded, nothing else.</summary>
    private Task StrayAsync(long sequence, int attempt, string workerId, string what) =>
        Event("ignored", $"{what} for child {sequence} attempt {attempt} from worker {workerId} ignored: the attempt is not given to that worker");

    private async Task RecordStartedAsync(ChildStarted message, CancellationToken cancellation)
    {
        var child = await store.GetChildAsync(campaign.Id, message.Sequence, cancellation);
        if (child is { Status: ChildStatus.Queued } && child.Attempts == message.Attempt)
        {
            await store.UpdateChildAsync(child with { Status = ChildStatus.Training, UpdatedAt = clock.GetUtcNow() }, cancellation);
        }
    }

    /// <summary>
    /// Records an attempt's answer in the store, which accepts it only for the child's current attempt (the first answer
    /// wins; a late or repeated one is recorded as ignored): a success becomes done, a failure another attempt while
    /// attempts remain, else a failed child. An answer whose metrics the store refuses counts as a failed attempt.
    /// </summary>
    private async Task RecordEvaluatedAsync(ChildEvaluated message, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var result = await ResultOfAsync(message, now, cancellation);
        ResultRecording recording;
        try
        {
            recording = await store.RecordResultAsync(result, cancellation);
        }
        catch (ArgumentException e) when (result.Metrics != null && e.ParamName?.StartsWith("result.Metrics", StringComparison.Ordinal) == true)
        {
            recording = await store.RecordResultAsync(FailureOf(message, $"the worker's result is unusable: {e.Message}", now), cancellation);
        }
        catch (ArgumentException e) when (e.ParamName is "result.Sequence")
        {
            await Event("ignored", $"{(message.Succeeded ? "result" : "failure")} for unknown child {message.Sequence} ignored");
            return;
        }
        if (!recording.Accepted)
        {
            CampaignMetrics.ResultRecorded("ignored");
            return;
        }
        var child = recording.Child;
        CampaignMetrics.ResultRecorded(CampaignMetrics.OutcomeOf(child.Status));
        if (child.Status == ChildStatus.Done && message.Curve is { Count: > 0 } curve)
        {
            await SaveCurveAsync(child, curve, cancellation);
        }
        switch (child.Status)
        {
            case ChildStatus.Queued:
                await SendAsync(child, cancellation);
                return;
            case ChildStatus.Done:
                logger.LogInformation("campaign {Campaign}: child {Sequence} done: accuracy {Accuracy:F4}, latency {Latency:F2} ms, reward {Reward:F4}",
                    campaign.Id, child.Sequence, child.Metrics!.Accuracy, child.Metrics.LatencyMs, child.Reward);
                break;
            default:
                logger.LogWarning("campaign {Campaign}: child {Sequence} failed after {Attempts} attempt(s): {Reason}", campaign.Id, child.Sequence,
                    child.Attempts, child.FailureReason);
                break;
        }
        Deliver(child);
    }

    /// <summary>The done child's training curve, kept for its page; a curve the store refuses (unnumbered, not finite) is logged and dropped, the result stands.</summary>
    private async Task SaveCurveAsync(Child child, IReadOnlyList<TrainedEpoch> curve, CancellationToken cancellation)
    {
        try
        {
            await store.SaveChildCurveAsync(campaign.Id, child.Sequence, curve.Select(e => new ChildEpoch(e.Epoch, e.TrainLoss, e.ValidationAccuracy)).ToArray(),
                cancellation);
        }
        catch (ArgumentException e) when (e.ParamName?.StartsWith("curve", StringComparison.Ordinal) == true)
        {
            logger.LogWarning("campaign {Campaign}: child {Sequence}'s training curve is not kept: {Reason}", campaign.Id, child.Sequence, e.Message);
        }
    }

    /// <summary>
    /// The result an answer gives: a success within range becomes done with its reward (<see cref="CampaignReward"/>;
    /// a memory reward reads the child's architecture from the store), one whose reward is not finite a failed child.
    /// </summary>
    private async Task<ChildResult> ResultOfAsync(ChildEvaluated message, DateTimeOffset at, CancellationToken cancellation)
    {
        if (!message.Succeeded)
        {
            return FailureOf(message, message.FailureReason ?? "no reason given", at);
        }
        if (!(message.Accuracy is >= 0 and <= 1) || !(double.IsFinite(message.LatencyMs) && message.LatencyMs > 0))
        {
            return FailureOf(message,
                $"the worker's result is unusable: accuracy must be in [0, 1] and latency positive (got {message.Accuracy}, {message.LatencyMs} ms)", at);
        }
        var metrics = new ChildMetrics(message.Accuracy, message.LatencyMs, message.Params, message.Macs, message.PeakActivationBytes, message.TrainSeconds);
        string? architecture = null;
        if (reward.NeedsArchitecture)
        {
            architecture = (await store.GetChildAsync(campaign.Id, message.Sequence, cancellation))?.Architecture;
            if (architecture == null)
            {
                // The store refuses the result of a child it does not hold, as it would have refused the success.
                return FailureOf(message, "unknown child", at);
            }
        }
        var value = reward.Of(architecture, message.Accuracy, message.LatencyMs);
        return double.IsFinite(value)
            ? new ChildResult(campaign.Id, message.Sequence, message.Attempt, ChildResultKind.Done, metrics, value, null, at)
            : new ChildResult(campaign.Id, message.Sequence, message.Attempt, ChildResultKind.Failed, metrics, null, $"reward is not finite ({value})", at);
    }

    /// <summary>A failed attempt: tried again while attempts remain, else the child fails with the reason.</summary>
    private ChildResult FailureOf(ChildEvaluated message, string reason, DateTimeOffset at) =>
        new(campaign.Id, message.Sequence, message.Attempt, message.Attempt < options.MaxAttempts ? ChildResultKind.Retry : ChildResultKind.Failed,
            null, null, reason, at);

    private async Task RecordReleasedAsync(ChildReleased message, CancellationToken cancellation)
    {
        var child = await store.GetChildAsync(campaign.Id, message.Sequence, cancellation);
        if (child == null || IsFinished(child) || child.Attempts != message.Attempt)
        {
            await IgnoredAsync(child, message.Sequence, message.Attempt, $"hand-back by worker {message.WorkerId}");
            return;
        }
        await Event("released", $"child {child.Sequence} attempt {child.Attempts} handed back by worker {message.WorkerId} ({message.Reason}); " +
            "it goes to another worker and the attempt does not count");
        await SendAsync(child, cancellation);
    }

    /// <summary>An answer for an attempt that is no longer current (late, repeated, or for a finished child) changes nothing but is recorded.</summary>
    private Task IgnoredAsync(Child? child, long sequence, int attempt, string what) =>
        Event("ignored", child == null
            ? $"{what} for unknown child {sequence} ignored"
            : $"{what} for child {sequence} attempt {attempt} ignored: the child is {child.Status.ToString().ToLowerInvariant()} at attempt {child.Attempts}");

    /// <summary>
    /// Picks a recorded child up again as it stands in the store now (an answer may have landed since the campaign
    /// opened): hands a finished one's result over, adopts one a worker still runs or has yet to answer, sends one no
    /// worker had started out again as the same attempt, and counts the attempt of one whose worker is gone as failed
    /// (tried again while attempts remain, as when a worker is lost under a running campaign).
    /// </summary>
    private async Task ResumeAsync(long sequence, CancellationToken cancellation)
    {
        var child = await store.GetChildAsync(campaign.Id, sequence, cancellation)
            ?? throw new InvalidOperationException($"campaign {campaign.Id}: child {sequence} is gone from the store");
        if (IsFinished(child))
        {
            Deliver(child);
            return;
        }
        if (child.Status == ChildStatus.Sampled)
        {
            await DispatchAsync(child, cancellation);
            return;
        }
        if (await assignments.TryAdoptAsync(child.Sequence, child.Attempts, cancellation))
        {
            await Event("adopted", $"child {child.Sequence} attempt {child.Attempts} is still running on a worker: its result is awaited");
            return;
        }
        if (child.Status == ChildStatus.Queued)
        {
            await Event("resent", $"child {child.Sequence} attempt {child.Attempts} had not started and runs on no worker now: it is sent out again");
            await SendAsync(child, cancellation);
            return;
        }
        await RecordEvaluatedAsync(new ChildEvaluated(campaign.Id, child.Sequence, child.Attempts, false,
            "no worker runs it any more: it was lost while the campaign was not running", 0, 0, 0, 0, 0, 0), cancellation);
    }

    private async Task DispatchAsync(Child child, CancellationToken cancellation) => await SendAsync(await NextAttemptAsync(child, cancellation), cancellation);

    /// <summary>
    /// Queues the child's current attempt: for any worker to evaluate whole, or — when the campaign names a device class —
    /// first for a worker of that class to measure its latency (training follows on any worker, see <see cref="RecordLatencyAsync"/>).
    /// The job carries the spec the child trains by: an fbnetv3 child's recipe in place of the proxy task's.
    /// </summary>
    private async Task SendAsync(Child queued, CancellationToken cancellation)
    {
        var target = architectures.Target(queued.Architecture);
        var request = new TrainChild(campaign.Id, queued.Sequence, queued.Attempts, ArchitectureFile.ToJson(target),
            architectures.TrainingSpecJson(queued.Architecture, campaign.SpecJson), DeviceClass: spec.Proxy.DeviceClass,
            Resolution: architectures.Resolution(queued.Architecture));
        if (spec.Target.DeviceClass is { } deviceClass)
        {
            request = request with { Job = ChildJob.Latency, DeviceClass = deviceClass };
        }
        await assignments.SendAsync(request);
    }

    /// <summary>A worker of the campaign's device class measured the child's latency: training follows on any worker, carrying it.</summary>
    private async Task RecordLatencyAsync(LatencyMeasured message, CancellationToken cancellation)
    {
        var child = await store.GetChildAsync(campaign.Id, message.Sequence, cancellation);
        if (child == null || IsFinished(child) || child.Attempts != message.Attempt)
        {
            await IgnoredAsync(child, message.Sequence, message.Attempt, $"latency from worker {message.WorkerId}");
            return;
        }
        if (!message.Succeeded)
        {
            await RecordEvaluatedAsync(new ChildEvaluated(campaign.Id, message.Sequence, message.Attempt, false, message.FailureReason, 0, 0, 0, 0, 0, 0),
                cancellation);
            return;
        }
        var target = architectures.Target(child.Architecture);
        await assignments.SendAsync(new TrainChild(campaign.Id, child.Sequence, child.Attempts, ArchitectureFile.ToJson(target),
            architectures.TrainingSpecJson(child.Architecture, campaign.SpecJson), Job: ChildJob.Train, DeviceClass: spec.Proxy.DeviceClass, LatencyMs: message.LatencyMs, Resolution: architectures.Resolution(child.Architecture)));
    }

    /// <summary>Records the child as queued for its next attempt.</summary>
    private async Task<Child> NextAttemptAsync(Child child, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        return child.Status switch
        {
            ChildStatus.Sampled or ChildStatus.Queued =>
                await store.UpdateChildAsync(child with { Status = ChildStatus.Queued, Attempts = child.Attempts + 1, UpdatedAt = now }, cancellation),
            _ => await store.RequeueChildAsync(campaign.Id, child.Sequence, now, cancellation),
        };
    }

    /// <summary>
    /// Hands a finished child to the strategy, if the strategy has submitted it in this run and not yet received it; a
    /// result that lands before a resumed strategy has replayed its child waits in the store for the replay.
    /// </summary>
    private void Deliver(Child child)
    {
        if (!undelivered.Contains(child.Sequence))
        {
            return;
        }
        var failed = child.Status == ChildStatus.Failed;
        var measured = failed ? null : child.Metrics;
        results.Writer.TryWrite(new Outcome(child.Sequence, architectures.Sample(child.Architecture), child.LogProbability, child.PolicyVersion,
            failed ? 0 : child.Reward ?? 0, failed) { Architecture = child.Architecture, Accuracy = measured?.Accuracy, LatencyMs = measured?.LatencyMs });
    }

    /// <summary>Records an event of the campaign (and logs it).</summary>
    public Task EventAsync(string kind, string message) => Event(kind, message);

    private Task Event(string kind, string message)
    {
        if (kind == "ignored")
        {
            CampaignMetrics.ResultRecorded(kind);
        }

        logger.LogInformation("campaign {Campaign}: {Kind}: {Message}", campaign.Id, kind, message);
        return store.AppendEventAsync(campaign.Id, kind, message, clock.GetUtcNow());
    }

    private static bool IsFinished(Child child) => child.Status is ChildStatus.Done or ChildStatus.Failed;
}
