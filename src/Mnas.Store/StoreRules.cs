using System.Globalization;
using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// The argument checks, child transitions and heartbeat merging every <see cref="ICampaignStore"/> applies, so that
/// implementations refuse the same things with the same messages. Each check throws an
/// <see cref="ArgumentException"/> whose ParamName is the field (<c>child.Sequence</c>).
/// </summary>
public static class StoreRules
{
    /// <summary>The most events one <see cref="ICampaignStore.ListEventsAsync"/> call returns.</summary>
    public const int MaxEventPage = 1000;

    public static void RequireId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"{field} must be a non-empty id (got {(id is null ? "null" : $"'{id}'")})", field);
        }
    }

    public static void RequireSequence(long sequence, string field) => RequireAtLeastOne(sequence, field);

    public static void ValidateCampaign(Campaign? campaign)
    {
        if (campaign is null)
        {
            throw new ArgumentNullException(nameof(campaign));
        }

        RequireId(campaign.Id, "campaign.Id");
        RequireNotNull(campaign.Name, "campaign.Name");
        RequireNotNull(campaign.SpecJson, "campaign.SpecJson");
        RequireNotNull(campaign.Strategy, "campaign.Strategy");
        RequireDefined(campaign.Status, "campaign.Status");
        RequireNotNull(campaign.Owner, "campaign.Owner");
    }

    /// <summary>The length of an API key's <see cref="ApiKey.SecretHash"/>: a SHA-256.</summary>
    public const int SecretHashLength = 32;

    public static void ValidateApiKey(ApiKey? key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        RequireId(key.Id, "key.Id");
        if (string.IsNullOrWhiteSpace(key.Name))
        {
            throw new ArgumentException($"key.Name must not be empty (got {(key.Name is null ? "null" : $"'{key.Name}'")})", "key.Name");
        }

        if (!Enum.IsDefined(key.Role))
        {
            throw new ArgumentException($"key.Role is not a role (got {(int)key.Role})", "key.Role");
        }

        if (key.SecretHash is not { Length: SecretHashLength })
        {
            throw new ArgumentException(
                $"key.SecretHash must be {SecretHashLength} bytes (got {(key.SecretHash is null ? "null" : key.SecretHash.Length.ToString(CultureInfo.InvariantCulture))})",
                "key.SecretHash");
        }
    }

    public static void ValidateChild(Child? child, string name = "child")
    {
        if (child is null)
        {
            throw new ArgumentNullException(name);
        }

        RequireId(child.CampaignId, $"{name}.CampaignId");
        RequireSequence(child.Sequence, $"{name}.Sequence");
        if (string.IsNullOrWhiteSpace(child.Architecture))
        {
            throw new ArgumentException($"{name}.Architecture must not be empty", $"{name}.Architecture");
        }

        RequireNotNull(child.Tokens, $"{name}.Tokens");
        RequireFinite(child.LogProbability, $"{name}.LogProbability");
        RequireNonNegative(child.PolicyVersion, $"{name}.PolicyVersion");
        RequireDefined(child.Status, $"{name}.Status");
        RequireNonNegative(child.Attempts, $"{name}.Attempts");
        if (child.Reward is { } reward)
        {
            RequireFinite(reward, $"{name}.Reward");
        }

        if (child.Metrics is { } metrics)
        {
            ValidateMetrics(metrics, $"{name}.Metrics");
        }
    }

    /// <summary>Checks a batch for <see cref="ICampaignStore.AddChildrenAsync"/>: each child valid, all of one campaign.</summary>
    public static void ValidateChildren(IReadOnlyList<Child>? children)
    {
        if (children is null)
        {
            throw new ArgumentNullException(nameof(children));
        }

        for (var i = 0; i < children.Count; i++)
        {
            ValidateChild(children[i], $"children[{i}]");
            if (children[i].CampaignId != children[0].CampaignId)
            {
                throw new ArgumentException(
                    $"children[{i}].CampaignId must be '{children[0].CampaignId}' like children[0] (got '{children[i].CampaignId}')",
                    $"children[{i}].CampaignId");
            }
        }
    }

    public static void ValidateCheckpoint(ControllerCheckpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            throw new ArgumentNullException(nameof(checkpoint));
        }

        RequireId(checkpoint.CampaignId, "checkpoint.CampaignId");
        RequireNonNegative(checkpoint.Version, "checkpoint.Version");
        RequireNonNegative(checkpoint.LastChildIncluded, "checkpoint.LastChildIncluded");
        RequireNotNull(checkpoint.State, "checkpoint.State");
    }

    /// <summary>
    /// Checks a result for <see cref="ICampaignStore.RecordResultAsync"/>: the child and an attempt from 1, a defined
    /// kind and what it needs (a Done's metrics and reward, a Failed's or Retry's reason), and metrics and a reward
    /// well-formed whenever they are given.
    /// </summary>
    public static void ValidateResult(ChildResult? result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        RequireId(result.CampaignId, "result.CampaignId");
        RequireSequence(result.Sequence, "result.Sequence");
        RequireAtLeastOne(result.Attempt, "result.Attempt");
        if (!Enum.IsDefined(result.Kind))
        {
            throw new ArgumentException($"result.Kind is not a result kind (got {(int)result.Kind})", "result.Kind");
        }

        if (result.Kind == ChildResultKind.Done)
        {
            RequireGiven(result.Metrics, "result.Metrics", result.Kind);
            RequireGiven(result.Reward, "result.Reward", result.Kind);
        }
        else if (string.IsNullOrWhiteSpace(result.FailureReason))
        {
            throw new ArgumentException($"result.FailureReason must not be empty for a {result.Kind} result", "result.FailureReason");
        }

        if (result.Metrics is { } metrics)
        {
            ValidateMetrics(metrics, "result.Metrics");
        }

        if (result.Reward is { } reward)
        {
            RequireFinite(reward, "result.Reward");
        }
    }

    /// <summary>
    /// What <paramref name="result"/> does to the <paramref name="stored"/> child. While the child is neither Done nor
    /// Failed and at the result's attempt, it is accepted: Done takes the metrics and reward and clears the reason;
    /// Failed takes the reason and the metrics given; Retry queues the next attempt, keeping the reason and clearing
    /// metrics and reward. What a kind does not use (a Done's reason, a Failed's reward, a Retry's metrics and reward)
    /// is not stored. Otherwise the result is ignored and the child stays as stored.
    /// </summary>
    public static ResultTransition Recorded(Child stored, ChildResult result)
    {
        var attempt = $"child {stored.Sequence} attempt {result.Attempt}";
        if (ChildLifecycle.IsTerminal(stored.Status) || stored.Attempts != result.Attempt)
        {
            var answer = result.Kind == ChildResultKind.Done ? "result" : $"failure ({result.FailureReason})";
            return new(
                false,
                stored,
                "ignored",
                $"{answer} for {attempt} ignored: the child is {stored.Status.ToString().ToLowerInvariant()} at attempt {stored.Attempts}");
        }

        return result.Kind switch
        {
            ChildResultKind.Done => new(
                true,
                stored with { Status = ChildStatus.Done, FailureReason = null, Metrics = result.Metrics, Reward = result.Reward, UpdatedAt = result.At },
                "done",
                $"{attempt} done: reward {result.Reward!.Value.ToString("F4", CultureInfo.InvariantCulture)}"),
            ChildResultKind.Failed => new(
                true,
                stored with { Status = ChildStatus.Failed, FailureReason = result.FailureReason, Metrics = result.Metrics, Reward = null, UpdatedAt = result.At },
                "failed",
                $"{attempt} failed: {result.FailureReason}"),
            ChildResultKind.Retry => new(
                true,
                stored with
                {
                    Status = ChildStatus.Queued,
                    Attempts = stored.Attempts + 1,
                    FailureReason = result.FailureReason,
                    Metrics = null,
                    Reward = null,
                    UpdatedAt = result.At,
                },
                "retry",
                $"{attempt} failed ({result.FailureReason}); trying again as attempt {stored.Attempts + 1}"),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Kind, "not a result kind"),
        };
    }

    /// <summary>
    /// Checks a worker's heartbeat for <see cref="ICampaignStore.RecordWorkerAsync"/>: an id and a device class,
    /// at least one thread and one slot, each running child named in full, and not last heard before first seen.
    /// </summary>
    public static void ValidateWorker(WorkerStatus? worker)
    {
        if (worker is null)
        {
            throw new ArgumentNullException(nameof(worker));
        }

        RequireId(worker.WorkerId, "worker.WorkerId");
        RequireNonEmpty(worker.DeviceClass, "worker.DeviceClass");
        RequireNotNull(worker.Device, "worker.Device");
        RequireAtLeastOne(worker.Threads, "worker.Threads");
        RequireAtLeastOne(worker.Slots, "worker.Slots");
        RequireNotNull(worker.Running, "worker.Running");
        for (var i = 0; i < worker.Running.Count; i++)
        {
            var field = $"worker.Running[{i}]";
            var running = worker.Running[i];
            RequireNotNull(running, field);
            RequireId(running.CampaignId, $"{field}.CampaignId");
            if (WorkerChild.ReservedSequence(running.Job) is { } reserved)
            {
                if (running.Sequence != reserved)
                {
                    throw new ArgumentException($"{field}.Sequence must be {reserved} for a {running.Job} job (got {running.Sequence})", $"{field}.Sequence");
                }
            }
            else
            {
                RequireSequence(running.Sequence, $"{field}.Sequence");
            }
            RequireAtLeastOne(running.Attempt, $"{field}.Attempt");
            RequireNonEmpty(running.Job, $"{field}.Job");
        }

        if (worker.LastHeartbeat < worker.FirstSeen)
        {
            throw new ArgumentException(
                $"worker.LastHeartbeat must not be before worker.FirstSeen (got {worker.LastHeartbeat:O}, first seen {worker.FirstSeen:O})",
                "worker.LastHeartbeat");
        }
    }

    /// <summary>
    /// The worker as stored after <paramref name="heartbeat"/>: the heartbeat itself when the worker is new, the stored
    /// worker unchanged when its heartbeat is the newer instant (the later one arrived first), and otherwise the
    /// heartbeat with the stored <see cref="WorkerStatus.FirstSeen"/>.
    /// </summary>
    public static WorkerStatus Heartbeat(WorkerStatus? stored, WorkerStatus heartbeat) =>
        stored is null ? heartbeat
        : stored.LastHeartbeat > heartbeat.LastHeartbeat ? stored
        : heartbeat with { FirstSeen = stored.FirstSeen };

    public static void ValidateControllerUpdate(ControllerUpdateRecord? update)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        RequireId(update.CampaignId, "update.CampaignId");
        RequireAtLeastOne(update.Version, "update.Version");
        RequireAtLeastOne(update.Children, "update.Children");
        RequireFinite(update.MeanReward, "update.MeanReward");
        RequireFinite(update.Baseline, "update.Baseline");
        RequireFinite(update.Entropy, "update.Entropy");
        if (update.Entropy < 0)
        {
            throw new ArgumentException($"update.Entropy must not be negative (got {update.Entropy})", "update.Entropy");
        }
    }

    /// <summary>Checks a curve for <see cref="ICampaignStore.SaveChildCurveAsync"/>: epochs 1, 2, 3… in order, finite values.</summary>
    public static void ValidateCurve(string? campaignId, long sequence, IReadOnlyList<ChildEpoch>? curve)
    {
        RequireId(campaignId, nameof(campaignId));
        RequireSequence(sequence, nameof(sequence));
        if (curve is null)
        {
            throw new ArgumentNullException(nameof(curve));
        }

        for (var i = 0; i < curve.Count; i++)
        {
            var field = $"curve[{i}]";
            RequireNotNull(curve[i], field);
            if (curve[i].Epoch != i + 1)
            {
                throw new ArgumentException($"{field}.Epoch must be {i + 1}: epochs are numbered from 1 in order (got {curve[i].Epoch})", $"{field}.Epoch");
            }

            RequireFinite(curve[i].TrainLoss, $"{field}.TrainLoss");
            RequireFinite(curve[i].ValidationAccuracy, $"{field}.ValidationAccuracy");
        }
    }

    public static void ValidateEvent(string? campaignId, string? kind, string? message)
    {
        RequireId(campaignId, "campaignId");
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException("kind must not be empty", nameof(kind));
        }

        RequireNotNull(message, nameof(message));
    }

    public static void ValidateEventPage(string? campaignId, long afterId, int limit)
    {
        RequireId(campaignId, "campaignId");
        RequireNonNegative(afterId, nameof(afterId));
        if (limit < 1 || limit > MaxEventPage)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxEventPage}");
        }
    }

    public static void RequireDefined(ChildStatus status, string field)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"{field} is not a child status (got {(int)status})", field);
        }
    }

    public static void RequireDefined(CampaignStatus status, string field)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"{field} is not a campaign status (got {(int)status})", field);
        }
    }

    /// <summary>The exception for a campaign id that names no campaign.</summary>
    public static ArgumentException UnknownCampaign(string campaignId, string field) =>
        new($"{field}: no campaign with id '{campaignId}'", field);

    /// <summary>The exception for a sequence that names no child of the campaign.</summary>
    public static ArgumentException UnknownChild(string campaignId, long sequence, string field) =>
        new($"{field}: campaign '{campaignId}' has no child {sequence}", field);

    /// <summary>
    /// Checks <paramref name="update"/> against the <paramref name="stored"/> child: same identity
    /// (architecture, tokens, log-probability, policy version), attempts not decreasing, and a status
    /// change <see cref="ChildLifecycle.CanUpdate"/> allows.
    /// </summary>
    public static void CheckUpdate(Child stored, Child update)
    {
        RequireUnchanged(stored.Architecture == update.Architecture, "child.Architecture", stored);
        RequireUnchanged(stored.Tokens.SequenceEqual(update.Tokens), "child.Tokens", stored);
        RequireUnchanged(
            BitConverter.DoubleToInt64Bits(stored.LogProbability) == BitConverter.DoubleToInt64Bits(update.LogProbability),
            "child.LogProbability",
            stored);
        RequireUnchanged(stored.PolicyVersion == update.PolicyVersion, "child.PolicyVersion", stored);
        if (!ChildLifecycle.CanUpdate(stored.Status, update.Status))
        {
            throw new InvalidChildTransitionException(
                stored.CampaignId,
                stored.Sequence,
                stored.Status,
                update.Status,
                ChildLifecycle.IsTerminal(stored.Status) ? $"{stored.Status} is final (only a requeue for retry leaves Failed)" : "children only move forward");
        }

        if (update.Attempts < stored.Attempts)
        {
            throw new ArgumentException(
                $"child.Attempts cannot decrease (stored {stored.Attempts}, got {update.Attempts})", "child.Attempts");
        }
    }

    /// <summary>The stored child sent back to Queued for another attempt, or an <see cref="InvalidChildTransitionException"/>.</summary>
    public static Child Requeued(Child stored, DateTimeOffset at)
    {
        if (!ChildLifecycle.CanRequeue(stored.Status))
        {
            throw new InvalidChildTransitionException(
                stored.CampaignId, stored.Sequence, stored.Status, ChildStatus.Queued, "only Training, Measured or Failed children are requeued");
        }

        return stored with
        {
            Status = ChildStatus.Queued,
            Attempts = stored.Attempts + 1,
            FailureReason = null,
            Metrics = null,
            Reward = null,
            UpdatedAt = at,
        };
    }

    private static void RequireUnchanged(bool same, string field, Child stored)
    {
        if (!same)
        {
            throw new ArgumentException(
                $"{field} of child {stored.Sequence} of campaign '{stored.CampaignId}' cannot change", field);
        }
    }

    private static void ValidateMetrics(ChildMetrics metrics, string field)
    {
        RequireFinite(metrics.Accuracy, $"{field}.Accuracy");
        RequireFinite(metrics.LatencyMs, $"{field}.LatencyMs");
        RequireNonNegative(metrics.Params, $"{field}.Params");
        RequireNonNegative(metrics.Macs, $"{field}.Macs");
        RequireNonNegative(metrics.PeakActivationBytes, $"{field}.PeakActivationBytes");
        RequireFinite(metrics.TrainSeconds, $"{field}.TrainSeconds");
    }

    private static void RequireGiven(object? value, string field, ChildResultKind kind)
    {
        if (value is null)
        {
            throw new ArgumentException($"{field} must be given for a {kind} result", field);
        }
    }

    private static void RequireNonEmpty(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty", field);
        }
    }

    private static void RequireAtLeastOne(long value, string field)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{field} must be at least 1 (got {value})", field);
        }
    }

    private static void RequireNotNull(object? value, string field)
    {
        if (value is null)
        {
            throw new ArgumentException($"{field} must not be null", field);
        }
    }

    private static void RequireFinite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{field} must be a finite number (got {value})", field);
        }
    }

    private static void RequireNonNegative(long value, string field)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{field} must not be negative (got {value})", field);
        }
    }
}
