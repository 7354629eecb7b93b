using System.Globalization;
using System.Text.RegularExpressions;
using Mnas.Api.Pareto;
using Mnas.Api.Search;
using Mnas.Campaigns;
using Mnas.Pareto.Objectives;
using Mnas.Store;

namespace Mnas.Api.Events;

/// <summary>
/// Turns a campaign's events, read in id order, into stream messages: a finished child (<c>done</c>, <c>failed</c>,
/// <c>reused</c>) becomes <c>child-finished</c>, followed by <c>front-changed</c> when it changed the accuracy × latency
/// front of the children finished so far; a <c>controller</c> event becomes <c>controller-updated</c>; a <c>supernet</c>
/// event (one per epoch of a campaign's supernet) becomes <c>supernet-epoch</c>; a <c>search</c> event (one per step of an
/// fbnetv3 campaign's predictor-driven search) becomes <c>search-round</c>; any other — among them
/// <c>supernet-trained</c> — is an <c>event</c>. An event whose record the store does not have is an <c>event</c> too. The front is kept as of the last event read, so a stream resumed mid-campaign first reads the events
/// before its start (<see cref="CatchUpAsync"/>) without sending them.
/// </summary>
public sealed partial class CampaignEventTranslator(ICampaignStore store, string campaignId)
{
    private readonly Dictionary<long, Child> finished = [];
    private Dictionary<long, ControllerUpdateRecord> updates = [];
    private Dictionary<int, SupernetEpochRecord> supernetEpochs = [];
    private Dictionary<int, SearchRoundRecord> searchRounds = [];
    private IReadOnlyList<long> front = [];

    /// <summary>Reads the events up to <paramref name="throughId"/> for the front they leave, sending nothing.</summary>
    public async Task CatchUpAsync(long throughId, CancellationToken cancellation)
    {
        var after = 0L;
        while (after < throughId)
        {
            var page = await store.ListEventsAsync(campaignId, after, StoreRules.MaxEventPage, cancellation);
            foreach (var e in page.TakeWhile(e => e.Id <= throughId))
            {
                if (IsFinish(e) && FirstChild(e) is { } sequence && await store.GetChildAsync(campaignId, sequence, cancellation) is { } child)
                {
                    finished[sequence] = child;
                }
            }

            if (page.Count < StoreRules.MaxEventPage)
            {
                break;
            }

            after = page[^1].Id;
        }

        front = Front();
    }

    /// <summary>The messages <paramref name="e"/> makes, in the order to send them.</summary>
    public async Task<IReadOnlyList<StreamMessage>> TranslateAsync(CampaignEvent e, CancellationToken cancellation)
    {
        if (IsFinish(e) && FirstChild(e) is { } sequence && await store.GetChildAsync(campaignId, sequence, cancellation) is { } child)
        {
            var messages = new List<StreamMessage>
            {
                new(e.Id, "child-finished", new ChildFinishedData(child.Sequence, child.Status, child.Reward, child.Metrics?.Accuracy, child.Metrics?.LatencyMs)),
            };
            finished[sequence] = child;
            var now = Front();
            if (!now.SequenceEqual(front))
            {
                front = now;
                messages.Add(new StreamMessage(e.Id, "front-changed", new FrontChangedData(front)));
            }

            return messages;
        }

        if (e.Kind == "controller" && ControllerVersion().Match(e.Message) is { Success: true } match
            && await UpdateAsync(long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), cancellation) is { } update)
        {
            return [new StreamMessage(e.Id, "controller-updated", new ControllerUpdatedData(update.Version, update.MeanReward, update.Baseline, update.Entropy))];
        }

        if (e.Kind == "supernet" && SupernetEpoch().Match(e.Message) is { Success: true } epochMatch
            && int.TryParse(epochMatch.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var epochNumber)
            && await SupernetEpochAsync(epochNumber, cancellation) is { } epoch)
        {
            return [new StreamMessage(e.Id, "supernet-epoch", new SupernetEpochData(epoch.Epoch, epoch.Attempt, epoch.Temperature, epoch.Loss,
                epoch.CrossEntropy, epoch.ThetaTrained, epoch.ExpectedLatencyMs, epoch.Seconds, epoch.Scores, epoch.RankingDistance))];
        }

        if (e.Kind == "search" && SearchStep().Match(e.Message) is { Success: true } stepMatch
            && int.TryParse(stepMatch.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var stepNumber)
            && await SearchRoundAsync(stepNumber, cancellation) is { } record)
        {
            var round = SearchRoundItem.From(record);
            return [new StreamMessage(e.Id, "search-round", new SearchRoundData(round.Round, round.Stage, round.Iteration, round.Points.Count,
                round.KendallTau, round.FittedOn, round.BestPredicted, round.MeanPredicted, round.Feasible, round.Rejected, round.PretrainLoss))];
        }

        return [new StreamMessage(e.Id, "event", new OtherEventData(e.Kind, e.Message))];
    }

    private async Task<SearchRoundRecord?> SearchRoundAsync(int round, CancellationToken cancellation)
    {
        if (!searchRounds.TryGetValue(round, out var record))
        {
            searchRounds = (await store.ListSearchRoundsAsync(campaignId, cancellation)).ToDictionary(r => r.Round);
            searchRounds.TryGetValue(round, out record);
        }

        return record;
    }

    private async Task<SupernetEpochRecord?> SupernetEpochAsync(int epoch, CancellationToken cancellation)
    {
        if (!supernetEpochs.TryGetValue(epoch, out var record))
        {
            supernetEpochs = (await store.ListSupernetEpochsAsync(campaignId, cancellation)).ToDictionary(r => r.Epoch);
            supernetEpochs.TryGetValue(epoch, out record);
        }

        return record;
    }

    private async Task<ControllerUpdateRecord?> UpdateAsync(long version, CancellationToken cancellation)
    {
        if (!updates.TryGetValue(version, out var update))
        {
            updates = (await store.ListControllerUpdatesAsync(campaignId, cancellation)).ToDictionary(u => u.Version);
            updates.TryGetValue(version, out update);
        }

        return update;
    }

    private IReadOnlyList<long> Front() => CampaignFront.Sequences(finished.Values.ToList(), ParetoObjectives.Default);

    private static bool IsFinish(CampaignEvent e) => e.Kind is "done" or "failed" or "reused";

    // A finished child's event names it first: "child 7 attempt 1 done…", "child 9 has the architecture of child 7…".
    private static long? FirstChild(CampaignEvent e) =>
        ChildNumber().Match(e.Message) is { Success: true } m && long.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"\bchild (\d+)\b")]
    private static partial Regex ChildNumber();

    [GeneratedRegex(@"^controller update (\d+)\b")]
    private static partial Regex ControllerVersion();

    // "supernet epoch 3/10: loss 1.2345, τ 4.7800, expected latency 12.34 ms"
    [GeneratedRegex(@"^supernet epoch (\d+)\b")]
    private static partial Regex SupernetEpoch();

    // "step 4: coarse round 2, 8 children, τ 0.4286, best predicted 0.6120, predictor fitted on 16"
    [GeneratedRegex(@"^step (\d+):")]
    private static partial Regex SearchStep();
}
