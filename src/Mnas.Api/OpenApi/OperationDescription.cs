namespace Mnas.Api.OpenApi;

/// <summary>How the document describes one operation: its id, summary, tag, and the error statuses it answers with.</summary>
internal sealed record OperationDescription(string OperationId, string Summary, string Tag, params int[] Errors);
