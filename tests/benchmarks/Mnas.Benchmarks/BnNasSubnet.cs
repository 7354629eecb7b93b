namespace Mnas.Benchmarks;

/// <summary>
/// One subnet as the BN-NAS benchmark scores it: its candidate per position and name, its costs from the target's table,
/// the BN indicator and SPOS's inherited-weight accuracy with how long each took, and what training it from scratch
/// gave (validation accuracy, the target's measured latency, the training's wall time).
/// </summary>
internal sealed record BnNasSubnet(
    int[] Choice,
    string Name,
    double TableLatencyMs,
    long Params,
    double Indicator,
    double IndicatorSeconds,
    double SposAccuracy,
    double SposSeconds,
    double TrueAccuracy,
    double MeasuredLatencyMs,
    double TrainSeconds);
