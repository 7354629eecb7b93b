using System.Text.RegularExpressions;
using Mnas.Campaigns;
using Mnas.Store;

namespace Mnas.Api.Children;

/// <summary>
/// A child's history among its campaign's events: those whose message names it (<c>child 7 attempt 1 done…</c>,
/// <c>…of child 7…</c>). Events name children in their text only, so that is what is matched, as a whole number.
/// </summary>
public static partial class ChildEvents
{
    public static async Task<IReadOnlyList<ChildEventItem>> OfAsync(ICampaignStore store, string campaignId, long sequence, CancellationToken cancellation)
    {
        var found = new List<ChildEventItem>();
        var after = 0L;
        while (true)
        {
            var page = await store.ListEventsAsync(campaignId, after, StoreRules.MaxEventPage, cancellation);
            found.AddRange(page.Where(e => Names(e, sequence)).Select(e => new ChildEventItem(e.Id, e.Kind, e.Message, e.At)));
            if (page.Count < StoreRules.MaxEventPage)
            {
                return found;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Whether the event's message names child <paramref name="sequence"/>.</summary>
    public static bool Names(CampaignEvent e, long sequence) =>
        ChildNumber().Matches(e.Message).Any(m => long.TryParse(m.Groups[1].ValueSpan, out var n) && n == sequence);

    [GeneratedRegex(@"\bchild (\d+)\b")]
    private static partial Regex ChildNumber();
}
