namespace Mnas.Api.Health;

/// <summary><c>/readyz</c> when every dependency answered: which were checked.</summary>
public sealed record ReadyResponse(string Status, IReadOnlyList<string> Checked);
