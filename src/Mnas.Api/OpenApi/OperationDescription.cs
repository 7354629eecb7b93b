namespace Mnas.Api.OpenApi;

/// <summary>How the document describes one operation: its id, summary, tag, the error statuses it answers with, and where the summary is not enough a description.</summary>
internal sealed record OperationDescription(string OperationId, string Summary, string Tag, params int[] Errors)
{
    public string? Description { get; init; }
}
