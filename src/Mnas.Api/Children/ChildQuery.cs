using System.Globalization;
using Mnas.Campaigns;

namespace Mnas.Api.Children;

/// <summary>
/// The children list's query — <c>status</c>, <c>sort</c>, <c>order</c>, <c>page</c>, <c>page_size</c> — read from the raw
/// query text, so that every bad value is named in one answer rather than refused by the binder one at a time.
/// </summary>
public sealed record ChildQuery(ChildStatus? Status, ChildSort Sort, bool Descending, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    private static readonly Dictionary<string, ChildStatus> Statuses = Enum.GetValues<ChildStatus>()
        .ToDictionary(s => s.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    private static readonly Dictionary<string, ChildSort> Sorts = new(StringComparer.Ordinal)
    {
        ["sequence"] = ChildSort.Sequence,
        ["reward"] = ChildSort.Reward,
        ["accuracy"] = ChildSort.Accuracy,
        ["latency_ms"] = ChildSort.LatencyMs,
        ["updated_at"] = ChildSort.UpdatedAt,
    };

    /// <summary>The query, or the errors naming each bad parameter.</summary>
    public static (ChildQuery? Query, Dictionary<string, string[]> Errors) Parse(string? status, string? sort, string? order, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ChildStatus? statusFilter = null;
        if (status is not null)
        {
            if (Statuses.TryGetValue(status, out var s))
            {
                statusFilter = s;
            }
            else
            {
                errors["status"] = [$"must be one of {string.Join(", ", Statuses.Keys)} (got '{status}')"];
            }
        }

        var sortBy = ChildSort.Sequence;
        if (sort is not null && !Sorts.TryGetValue(sort, out sortBy))
        {
            errors["sort"] = [$"must be one of {string.Join(", ", Sorts.Keys)} (got '{sort}')"];
        }

        var descending = false;
        if (order is not null)
        {
            if (order is "asc" or "desc")
            {
                descending = order == "desc";
            }
            else
            {
                errors["order"] = [$"must be asc or desc (got '{order}')"];
            }
        }

        var pageNumber = WholeNumber(page, "page", 1, int.MaxValue, 1, errors);
        var size = WholeNumber(pageSize, "page_size", 1, MaxPageSize, DefaultPageSize, errors);
        return errors.Count > 0 ? (null, errors) : (new ChildQuery(statusFilter, sortBy, descending, pageNumber, size), errors);
    }

    /// <summary>This query's page of <paramref name="children"/> (a campaign's, any order), filtered and sorted; ties go by sequence.</summary>
    public ChildPage Apply(IEnumerable<Child> children)
    {
        var matching = children.Where(c => Status is null || c.Status == Status).ToList();
        IEnumerable<Child> sorted = Sort switch
        {
            ChildSort.Sequence => Descending ? matching.OrderByDescending(c => c.Sequence) : matching.OrderBy(c => c.Sequence),
            ChildSort.Reward => ByMetric(matching, c => c.Reward),
            ChildSort.Accuracy => ByMetric(matching, c => c.Metrics?.Accuracy),
            ChildSort.LatencyMs => ByMetric(matching, c => c.Metrics?.LatencyMs),
            ChildSort.UpdatedAt => (Descending ? matching.OrderByDescending(c => c.UpdatedAt.UtcTicks) : matching.OrderBy(c => c.UpdatedAt.UtcTicks))
                .ThenBy(c => c.Sequence),
            _ => throw new InvalidOperationException($"unknown sort {Sort}"),
        };
        // Skip takes an int: a page far past the end simply has no items.
        var skip = (long)(Page - 1) * PageSize;
        var items = skip >= matching.Count ? [] : sorted.Skip((int)skip).Take(PageSize).Select(ChildItem.From).ToList();
        return new ChildPage(items, Page, PageSize, matching.Count);
    }

    // Children without the value (not measured yet, failed) come last in either order.
    private IEnumerable<Child> ByMetric(List<Child> children, Func<Child, double?> value)
    {
        var ordered = children.OrderBy(c => value(c) is null ? 1 : 0);
        return (Descending ? ordered.ThenByDescending(c => value(c)) : ordered.ThenBy(c => value(c))).ThenBy(c => c.Sequence);
    }

    private static int WholeNumber(string? text, string name, int min, int max, int absent, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return absent;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[name] = [$"must be a whole number from {min}{(max == int.MaxValue ? " up" : $" to {max}")} (got '{text}')"];
            return absent;
        }

        return value;
    }
}
