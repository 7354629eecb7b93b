namespace Mnas.Campaigns;

/// <summary>
/// What recording a result did: <see cref="Accepted"/> when the attempt was current and the child changed;
/// otherwise the result was ignored (late, repeated, or for a finished child). <see cref="Child"/> is the child
/// as stored afterwards either way.
/// </summary>
public sealed record ResultRecording(bool Accepted, Child Child);
