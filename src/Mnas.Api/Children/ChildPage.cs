namespace Mnas.Api.Children;

/// <summary>One page of a campaign's children, and how many match in all.</summary>
public sealed record ChildPage(IReadOnlyList<ChildItem> Items, int Page, int PageSize, int Total);
