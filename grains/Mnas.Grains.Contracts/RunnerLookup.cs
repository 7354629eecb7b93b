namespace Mnas.Grains.Contracts;

/// <summary>
/// Who runs an attempt of a child, by the workers' announcements (<see cref="Runner"/> null: no worker the directory
/// knows). A null runner means no live worker runs it only when <see cref="Complete"/> (see <see cref="WorkerRoster"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunnerLookup(WorkerSlot? Runner, bool Complete);
