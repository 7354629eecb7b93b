namespace Mnas.Api.Controller;

/// <summary>A campaign's controller updates in version order (none for a strategy that does not learn).</summary>
public sealed record ControllerHistoryResponse(IReadOnlyList<ControllerUpdateItem> Updates);
