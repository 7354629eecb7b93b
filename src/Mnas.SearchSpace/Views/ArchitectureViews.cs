using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.Views;

/// <summary>
/// The network an architecture becomes in a given setting: as searched for its target, or cut to a proxy
/// dataset's input shape and classes for the short proxy training.
/// </summary>
public static class ArchitectureViews
{
    /// <summary>The architecture as it is, at its own input shape and class count.</summary>
    public static Architecture Target(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture;
    }

    /// <summary>
    /// The architecture at the proxy dataset's <paramref name="input"/> shape and <paramref name="classes"/>, with
    /// early strides dropped so that small images are not reduced to nothing. The rule: take the strides in
    /// execution order (the stem's, then the first layer's of each block; later layers have stride 1), compute the
    /// final feature map with 'same' padding (each strided layer maps a side of n to ceil(n / stride)), and while
    /// that map is smaller than 2×2 (either side below 2), set the earliest remaining stride above 1 to 1. Stops
    /// when no stride above 1 is left. Everything else (channels, ops, layers, name) is unchanged.
    /// E.g. mobilenet_v2 at 28×28 (strides 2 | 1,2,2,2,1,2,1): 28→14→7→4→2→1 is too small, so the stem's stride
    /// becomes 1 and the map goes 28→28→14→7→4→2. At 224×224 the final map is 7×7 and nothing changes.
    /// </summary>
    public static Architecture Proxy(Architecture architecture, InputShape input, int classes)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);

        int[] strides = [architecture.StemStride, .. architecture.Blocks.Select(b => b.Stride)];
        while (Math.Min(FinalSize(input.Height, strides), FinalSize(input.Width, strides)) < 2)
        {
            var earliest = Array.FindIndex(strides, s => s > 1);
            if (earliest < 0)
            {
                break;
            }

            strides[earliest] = 1;
        }

        return architecture with
        {
            Input = input,
            Classes = classes,
            StemStride = strides[0],
            Blocks = architecture.Blocks.Select((b, i) => b with { Stride = strides[i + 1] }).ToArray(),
        };
    }

    /// <summary>The side of the final feature map: each stride s maps n to ceil(n / s).</summary>
    public static int FinalSize(int size, IEnumerable<int> strides) =>
        strides.Aggregate(size, (n, stride) => (n + stride - 1) / stride);
}
