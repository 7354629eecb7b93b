using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// memnas: a base network as a round recorded it — the child that trained it, its architecture, accuracy, parameter bytes
/// and peak activation bytes (of its target view, by lifetime analysis) and their sum.
/// </summary>
public sealed record MemnasNetworkItem(long Sequence, string Architecture, double Accuracy, long ParamBytes, long PeakActivationBytes, long TotalBytes)
{
    public static MemnasNetworkItem? From(MemnasNetwork? network) =>
        network is null
            ? null
            : new MemnasNetworkItem(network.Sequence, network.Architecture, network.Accuracy, network.ParamBytes, network.PeakActivationBytes,
                network.TotalBytes);
}
