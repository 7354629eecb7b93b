using Mnas.Campaigns;
using Mnas.Grains.Fbnetv3;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.Strategies;
using Mnas.Workers.Latency;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// What an FBNetV3 campaign's strategy asks of the campaign besides children: the costs of architectures it considers
/// (none of them trained), and a record of every step of its search.
/// </summary>
internal sealed partial class CampaignEngine : IPredictorEngine
{
    /// <summary>
    /// Each sample's target view costed: latency as the sum of the latency table's entries over its operators (those the
    /// table lacks timed first, see <see cref="TimeOperatorsAsync"/>), parameters, multiply-adds and peak activation bytes counted.
    /// </summary>
    public async ValueTask<IReadOnlyList<ArchitectureCosts>> CostsAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(samples);
        // Freezing, expanding and counting hundreds of architectures takes a while: on the thread pool, not the grain's
        // scheduler. Only the latency-table job changes the table, and it is not running while this reads it.
        var views = await Task.Run(() => samples.Select(space.Freeze).ToList(), cancellation);
        var keys = await Task.Run(() => views.Select(NetworkOperators.Keys).ToList(), cancellation);
        var (holding, missing) = Untimed(views, keys);
        if (missing.Count > 0)
        {
            await TimeOperatorsAsync(holding, missing, cancellation);
        }
        return await Task.Run(() => views.Select((view, i) => LookupCosts.Of(view, keys[i], latencyTable)
            ?? throw new InvalidOperationException($"campaign {campaign.Id}: the latency table still lacks an operator of {view.Name}")).ToList(), cancellation);
    }

    /// <summary>Keeps the step (replacing one of its number kept before) with a <c>search</c> event summarising it.</summary>
    public async ValueTask ReportRoundAsync(SearchRound round, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(round);
        await store.RecordSearchRoundAsync(new SearchRoundRecord(campaign.Id, round.Round, round.Stage, round.ToJson(), clock.GetUtcNow()), cancellation);
        await Event("search", SearchSummary.Of(round));
    }

    /// <summary>The operators the table lacks, in the order met, and the fewest of the views (in order) that hold them all.</summary>
    private (IReadOnlyList<Architecture> Holding, IReadOnlyList<string> Missing) Untimed(IReadOnlyList<Architecture> views, IReadOnlyList<IReadOnlyList<string>> keys)
    {
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var holding = new List<Architecture>();
        for (var i = 0; i < views.Count; i++)
        {
            var added = false;
            foreach (var key in keys[i])
            {
                if (!latencyTable.ContainsKey(key) && seen.Add(key))
                {
                    missing.Add(key);
                    added = true;
                }
            }
            if (added)
            {
                holding.Add(views[i]);
            }
        }
        return (holding, missing);
    }
}
