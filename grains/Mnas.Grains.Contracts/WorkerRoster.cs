namespace Mnas.Grains.Contracts;

/// <summary>
/// The live workers the directory knows. <see cref="Complete"/> once the directory has been active long enough for every
/// live worker to have announced itself: before that, a worker missing from the list may simply not have been heard yet.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkerRoster(IReadOnlyList<WorkerAnnouncement> Workers, bool Complete);
