namespace Mnas.Api.Health;

/// <summary><c>/healthz</c>: the process is up and serving.</summary>
public sealed record AliveResponse(string Status);
