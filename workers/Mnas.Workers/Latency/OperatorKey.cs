using System.Globalization;
using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Workers.Latency;

/// <summary>
/// The operators a network is timed by in a latency lookup table: the stem, each block layer (by
/// its <see cref="LayerConfig"/>), and the head (1×1 conv, pool, classifier). Keys are stable strings.
/// </summary>
public static class OperatorKey
{
    public static string Stem(Architecture a) => string.Create(CultureInfo.InvariantCulture,
        $"stem-k3-{a.Input.Channels}to{a.StemChannels}-s{a.StemStride}-{a.Input.Height}x{a.Input.Width}-{Name(a.Activation)}");

    public static string Head(Architecture a, int inChannels, int height, int width) => string.Create(CultureInfo.InvariantCulture,
        $"head-{inChannels}to{a.HeadChannels}-{height}x{width}-{Name(a.Activation)}-classes{a.Classes}");

    public static string Layer(LayerConfig config) => config.Key;

    private static string Name(Activation activation) => activation.ToString().ToLowerInvariant();
}
