namespace Mnas.Api.Search;

/// <summary>
/// memnas: a done child in accuracy × memory space — its accuracy, the parameter bytes and peak activation bytes of its
/// target view and their sum — and whether it is on the front (no other done child is at least as accurate with at most as
/// much memory, and better in one).
/// </summary>
public sealed record MemoryPointItem(long Sequence, string Architecture, double Accuracy, long ParamBytes, long PeakActivationBytes, long TotalBytes,
    bool OnFront);
