using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// The latency lookup table of an FBNetV3 campaign: operator key → median ms on the target's device class, kept in the
/// store and here. Operators it lacks are timed by one job (sequence <see cref="TrainChild.LatencyTableSequence"/>) on
/// one worker of that class, carrying the architectures that hold them; a failed, lost or refused attempt is followed
/// by the next while attempts remain, else the campaign fails. A hand-back goes to another worker as the same attempt.
/// </summary>
/// <remarks>
/// Attempt numbers are never reused within a run, so a late answer to an earlier job is told apart. A campaign resumed
/// while a worker still times operators for it does not adopt that job: its strategy asks for the costs again, and the
/// operators still missing are timed again.
/// </remarks>
internal sealed partial class CampaignEngine
{
    private readonly Dictionary<string, double> latencyTable = new(StringComparer.Ordinal);
    private OperatorTiming? timing;
    private int latencyTableAttempts;

    /// <summary>The table as the store holds it (the store keeps the first value of a key; so does this).</summary>
    private async Task LoadLatencyTableAsync(CancellationToken cancellation)
    {
        var stored = await store.GetLatencyTableAsync(campaign.Id, cancellation);
        latencyTable.Clear();
        foreach (var (key, milliseconds) in stored)
        {
            latencyTable[key] = milliseconds;
        }
    }

    private string? TimingDeviceClass => spec.Target.DeviceClass ?? spec.Proxy.DeviceClass;

    /// <summary>Times <paramref name="missing"/> (operators the table lacks, found in <paramref name="holding"/>) and keeps them; throws <see cref="LatencyTableFailedException"/> when no attempt succeeds.</summary>
    private async Task TimeOperatorsAsync(IReadOnlyList<Architecture> holding, IReadOnlyList<string> missing, CancellationToken cancellation)
    {
        var job = new OperatorTiming(holding.Select(ArchitectureFile.ToJson).ToArray(), missing.ToArray());
        timing = job;
        try
        {
            await Event("latency-table", $"{missing.Count} operator(s) the latency table lacks are timed on a worker" +
                (TimingDeviceClass is { } deviceClass ? $" of device class {deviceClass}" : ""));
            await BeginLatencyTableAttemptAsync(job);
            await using var registration = cancellation.Register(() => job.Done.TrySetCanceled(cancellation));
            await job.Done.Task;
        }
        finally
        {
            timing = null;
        }
    }

    /// <summary>The worker's timings: kept when they are the current attempt's and cover every operator asked for, else a failed attempt.</summary>
    public async Task OnLatencyTableMeasuredAsync(LatencyTableMeasured message, CancellationToken cancellation)
    {
        if (await assignments.FinishAsync(TrainChild.LatencyTableSequence, message.Attempt, message.WorkerId) == null)
        {
            await StrayAsync(TrainChild.LatencyTableSequence, message.Attempt, message.WorkerId, "latency table");
            return;
        }
        if (timing is not { } job || job.Attempt != message.Attempt)
        {
            await Event("ignored", $"latency table of attempt {message.Attempt} from worker {message.WorkerId} ignored: not the current attempt");
            return;
        }
        if (!message.Succeeded)
        {
            await LatencyTableAttemptFailedAsync(message.Attempt, message.FailureReason ?? "no reason given");
            return;
        }
        int added;
        try
        {
            added = await store.AddLatencyEntriesAsync(campaign.Id, message.Entries, cancellation);
        }
        catch (ArgumentException e)
        {
            await LatencyTableAttemptFailedAsync(message.Attempt, $"the worker's timings are unusable: {e.Message}");
            return;
        }
        await LoadLatencyTableAsync(cancellation);
        var untimed = job.Keys.Where(k => !latencyTable.ContainsKey(k)).ToList();
        if (untimed.Count > 0)
        {
            await LatencyTableAttemptFailedAsync(message.Attempt,
                $"worker {message.WorkerId} did not time {untimed.Count} of the operators asked for ({string.Join(", ", untimed.Take(3))}{(untimed.Count > 3 ? ", …" : "")})");
            return;
        }
        await Event("latency-table", $"worker {message.WorkerId} timed {message.Entries.Count} operator(s), {added} new: the latency table holds {latencyTable.Count}");
        job.Done.TrySetResult();
    }

    /// <summary>A failed attempt: the next one times the same operators while attempts remain, else the campaign fails.</summary>
    private async Task LatencyTableAttemptFailedAsync(int attempt, string reason)
    {
        if (timing is not { } job || job.Attempt != attempt)
        {
            await Event("ignored", $"failure of latency table attempt {attempt} ignored ({reason}): not the current attempt");
            return;
        }
        if (job.Tries >= options.MaxAttempts)
        {
            await Event("latency-table-failed", $"timing the latency table's operators failed on attempt {job.Tries}: {reason}; no attempts remain");
            job.Done.TrySetException(new LatencyTableFailedException(
                $"the operators the latency table lacks could not be timed in {job.Tries} attempt(s); the last: {reason}"));
            return;
        }
        await Event("retry", $"timing the latency table's operators failed on attempt {job.Tries}: {reason}; they are timed again");
        await BeginLatencyTableAttemptAsync(job);
    }

    private async Task RecordLatencyTableReleasedAsync(ChildReleased message)
    {
        if (timing is not { } job || job.Attempt != message.Attempt)
        {
            await Event("ignored", $"hand-back of latency table attempt {message.Attempt} by worker {message.WorkerId} ignored: not the current attempt");
            return;
        }
        await Event("released", $"the latency table's operators were handed back by worker {message.WorkerId} ({message.Reason}); " +
            "they are timed on another worker and the attempt does not count");
        await SendLatencyTableAsync(job);
    }

    private Task BeginLatencyTableAttemptAsync(OperatorTiming job)
    {
        job.Tries++;
        job.Attempt = ++latencyTableAttempts;
        return SendLatencyTableAsync(job);
    }

    private Task SendLatencyTableAsync(OperatorTiming job) =>
        assignments.SendAsync(new TrainChild(campaign.Id, TrainChild.LatencyTableSequence, job.Attempt, "", campaign.SpecJson, Job: ChildJob.LatencyTable,
            DeviceClass: TimingDeviceClass, Architectures: job.Architectures, OperatorKeys: job.Keys));

    /// <summary>One timing of missing operators: what it asks, its current attempt number, how many attempts it has had, and its end.</summary>
    private sealed class OperatorTiming(IReadOnlyList<string> architectures, IReadOnlyList<string> keys)
    {
        public IReadOnlyList<string> Architectures { get; } = architectures;

        public IReadOnlyList<string> Keys { get; } = keys;

        public int Attempt { get; set; }

        public int Tries { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
