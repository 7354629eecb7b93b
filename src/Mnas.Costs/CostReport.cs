using System.Globalization;

namespace Mnas.Costs;

/// <summary>
/// What an architecture costs at inference on one image of its input shape (batch 1, float32):
/// parameters, multiply-adds of the convolutions and the linear layer, parameter bytes, and the
/// peak of live activation bytes from lifetime analysis.
/// </summary>
public sealed record CostReport(long Params, long Macs, long ParamBytes, long PeakActivationBytes)
{
    /// <summary><c>name=value</c> lines in invariant culture, one per figure.</summary>
    public IReadOnlyList<string> ToLines() =>
    [
        string.Create(CultureInfo.InvariantCulture, $"params={Params}"),
        string.Create(CultureInfo.InvariantCulture, $"macs={Macs}"),
        string.Create(CultureInfo.InvariantCulture, $"param_bytes={ParamBytes}"),
        string.Create(CultureInfo.InvariantCulture, $"peak_activation_bytes={PeakActivationBytes}"),
    ];
}
