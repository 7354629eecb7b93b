namespace Mnas.Costs.Graph;

/// <summary>The height or width a layer produces from the one it receives.</summary>
public static class SpatialSize
{
    /// <summary>
    /// A convolution padded by k/2 on each side: floor((in + 2·(k/2) − k) / stride) + 1, which is
    /// ceil(in / stride) for an odd kernel.
    /// </summary>
    public static int Convolution(int input, int kernel, int stride)
    {
        Require(input, kernel, stride);
        return (input + 2 * (kernel / 2) - kernel) / stride + 1;
    }

    /// <summary>Average pooling with kernel = stride and ceil mode: ceil(in / stride).</summary>
    public static int CeilPool(int input, int stride)
    {
        Require(input, stride, stride);
        return (input + stride - 1) / stride;
    }

    private static void Require(int input, int kernel, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
    }
}
