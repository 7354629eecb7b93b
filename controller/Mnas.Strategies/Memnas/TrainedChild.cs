namespace Mnas.Strategies.Memnas;

/// <summary>
/// A child MemNAS trained: its sequence, architecture (the sample's canonical string), the round that trained it (0 for
/// the first base) and its measured accuracy (null: it failed or was not measured).
/// </summary>
public sealed record TrainedChild(long Sequence, string Architecture, int Round, double? Accuracy);
