using System.Globalization;
using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Supernet;
using Mnas.Strategies;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// The supernet of a differentiable campaign: one job (sequence 0) on one worker of the target's device class, whose
/// every epoch — figures and whole state — is recorded before the worker goes on. A failed or lost attempt is followed by
/// the next, which goes on from the last recorded epoch, while attempts remain; a campaign resumed while a worker still
/// trains it adopts that worker's job. Its posterior, once recorded, is what every later run of the campaign draws from.
/// </summary>
internal sealed partial class CampaignEngine : ISupernetEngine
{
    private TaskCompletionSource<SupernetPosterior>? supernetTrained;

    public async ValueTask<SupernetPosterior> TrainSupernetAsync(CancellationToken cancellation)
    {
        var record = await store.GetSupernetAsync(campaign.Id, cancellation);
        if (record is { PosteriorJson: { } json })
        {
            return SupernetPosterior.FromJson(json);
        }
        supernetTrained = new TaskCompletionSource<SupernetPosterior>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (record is not { Attempts: > 0 })
        {
            await BeginSupernetAttemptAsync(cancellation);
        }
        else if (await assignments.TryAdoptAsync(TrainChild.SupernetSequence, record.Attempts, cancellation))
        {
            await Event("adopted", $"the supernet's attempt {record.Attempts} is still running on a worker: its epochs are awaited");
        }
        else
        {
            await SupernetAttemptFailedAsync(record.Attempts, "no worker runs it any more: it was lost while the campaign was not running", cancellation);
        }
        await using var registration = cancellation.Register(() => supernetTrained.TrySetCanceled(cancellation));
        return await supernetTrained.Task;
    }

    /// <summary>An epoch from the worker training the supernet: kept with its state when it is the next one of the current attempt.</summary>
    public async Task OnSupernetEpochAsync(SupernetEpochReported message, CancellationToken cancellation)
    {
        var what = $"supernet epoch {message.Epoch} of attempt {message.Attempt} from worker {message.WorkerId}";
        if (!assignments.MayAnswer(TrainChild.SupernetSequence, message.Attempt, message.WorkerId))
        {
            await Event("ignored", $"{what} ignored: the supernet is not given to that worker");
            return;
        }
        bool recorded;
        try
        {
            recorded = await store.RecordSupernetEpochAsync(new SupernetEpochRecord(campaign.Id, message.Epoch, message.Attempt, message.Temperature,
                message.Loss, message.CrossEntropy, message.ThetaTrained, message.ExpectedLatencyMs, message.Distributions, message.WidthDistributions,
                message.ResolutionDistribution, message.Seconds, clock.GetUtcNow(), message.Scores, message.RankingDistance), message.State, cancellation);
        }
        catch (ArgumentException e)
        {
            await Event("ignored", $"{what} ignored: it is unusable ({e.Message})");
            return;
        }
        if (!recorded)
        {
            await Event("ignored", $"{what} ignored: not the next epoch of the current attempt");
            return;
        }
        await Event("supernet", message.Scores is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"supernet epoch {message.Epoch}/{SupernetEpochs}: loss {message.Loss:F4}, τ {message.Temperature:F4}, expected latency {message.ExpectedLatencyMs:F2} ms")
            : string.Create(CultureInfo.InvariantCulture, $"supernet epoch {message.Epoch}/{SupernetEpochs}: loss {message.Loss:F4}, ranking distance to the epoch before ") +
                (message.RankingDistance is { } distance ? distance.ToString("F3", CultureInfo.InvariantCulture) : "none (the first)"));
    }

    /// <summary>The worker's answer: the posterior, kept and handed to the strategy, or a failed attempt.</summary>
    public async Task OnSupernetTrainedAsync(SupernetTrained message, CancellationToken cancellation)
    {
        if (await assignments.FinishAsync(TrainChild.SupernetSequence, message.Attempt, message.WorkerId) == null)
        {
            await StrayAsync(TrainChild.SupernetSequence, message.Attempt, message.WorkerId, "supernet");
            return;
        }
        if (!message.Succeeded || message.PosteriorJson is not { } json)
        {
            await SupernetAttemptFailedAsync(message.Attempt, message.FailureReason ?? "no reason given", cancellation);
            return;
        }
        SupernetPosterior posterior;
        try
        {
            posterior = SupernetPosterior.FromJson(json);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            await SupernetAttemptFailedAsync(message.Attempt, $"the worker's posterior is unusable: {e.Message}", cancellation);
            return;
        }
        if (!await store.FinishSupernetAsync(campaign.Id, message.Attempt, json, clock.GetUtcNow(), cancellation))
        {
            await Event("ignored", $"supernet of attempt {message.Attempt} from worker {message.WorkerId} ignored: not the current attempt");
            return;
        }
        await Event("supernet-trained", posterior.Scores is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"the supernet is trained ({posterior.Epochs} epochs, expected latency {posterior.ExpectedLatencyMs:F2} ms): children are drawn from it")
            : $"the supernet is trained ({posterior.Epochs} epochs): the evolution searches its BN indicator");
        supernetTrained?.TrySetResult(posterior);
    }

    /// <summary>The evolution the strategy ran over the trained supernet: kept with it (a resumed campaign's replaces the one before).</summary>
    public async ValueTask RecordEvolutionAsync(SupernetEvolution evolution, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(evolution);
        if (!await store.RecordSupernetEvolutionAsync(campaign.Id, evolution.ToJson(), clock.GetUtcNow(), cancellation))
        {
            throw new InvalidOperationException($"campaign {campaign.Id}: an evolution needs the trained supernet it searched");
        }
        var best = evolution.Iterations.Count > 0 ? evolution.Iterations[^1].BestScore : double.NaN;
        await Event("evolution", string.Create(CultureInfo.InvariantCulture,
            $"the evolution ran {evolution.Iterations.Count} iterations (best score {best:F4}) and chose {evolution.Chosen.Count} subnet(s) to train"));
    }

    private int SupernetEpochs => SupernetStrategies.Epochs(spec, strategy);

    /// <summary>A failed attempt: the next one goes on from the last recorded epoch while attempts remain, else the campaign fails.</summary>
    private async Task SupernetAttemptFailedAsync(int attempt, string reason, CancellationToken cancellation)
    {
        var record = await store.GetSupernetAsync(campaign.Id, cancellation);
        if (record == null || record.Trained || record.Attempts != attempt)
        {
            await Event("ignored", $"failure of supernet attempt {attempt} ignored ({reason}): not the current attempt");
            return;
        }
        if (attempt >= options.MaxAttempts)
        {
            await Event("supernet-failed", $"the supernet's attempt {attempt} failed: {reason}; no attempts remain");
            supernetTrained?.TrySetException(new SupernetFailedException($"the supernet failed on {attempt} attempt(s); the last: {reason}"));
            return;
        }
        logger.LogWarning("campaign {Campaign}: the supernet's attempt {Attempt} failed: {Reason}", campaign.Id, attempt, reason);
        await Event("retry", $"the supernet's attempt {attempt} failed: {reason}; the next goes on from epoch {record.EpochsDone}");
        await BeginSupernetAttemptAsync(cancellation);
    }

    private async Task RecordSupernetReleasedAsync(ChildReleased message, CancellationToken cancellation)
    {
        var record = await store.GetSupernetAsync(campaign.Id, cancellation);
        if (record == null || record.Trained || record.Attempts != message.Attempt)
        {
            await Event("ignored", $"hand-back of supernet attempt {message.Attempt} by worker {message.WorkerId} ignored: not the current attempt");
            return;
        }
        await Event("released", $"the supernet's attempt {record.Attempts} was handed back by worker {message.WorkerId} ({message.Reason}) after epoch " +
            $"{record.EpochsDone}; it goes on on another worker and the attempt does not count");
        await SendSupernetAsync(record);
    }

    private async Task BeginSupernetAttemptAsync(CancellationToken cancellation)
    {
        var record = await store.BeginSupernetAttemptAsync(campaign.Id, clock.GetUtcNow(), cancellation);
        await Event("supernet", record.EpochsDone == 0
            ? $"the supernet starts training (attempt {record.Attempts}, {SupernetEpochs} epochs)"
            : $"the supernet goes on from epoch {record.EpochsDone} of {SupernetEpochs} (attempt {record.Attempts})");
        await SendSupernetAsync(record);
    }

    /// <summary>Queues the supernet's job with its last recorded state, for a worker of the device class latency is measured on.</summary>
    private Task SendSupernetAsync(SupernetRecord record) =>
        assignments.SendAsync(new TrainChild(campaign.Id, TrainChild.SupernetSequence, record.Attempts, "", campaign.SpecJson, Job: ChildJob.Supernet,
            DeviceClass: spec.Target.DeviceClass ?? spec.Proxy.DeviceClass, Strategy: strategy, SupernetState: record.State));
}
