using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Gradients;

public class Conv2dGradientTests
{
    [Theory]
    [InlineData(4, 4, 2, 1, 0)] // grouped
    [InlineData(4, 6, 1, 2, 1)] // strided and padded
    [InlineData(4, 4, 2, 2, 1)] // grouped, strided and padded
    [InlineData(4, 4, 4, 1, 1)] // depthwise
    [InlineData(4, 8, 4, 2, 1)] // depthwise with a channel multiplier of 2, strided
    public void conv2d_gradients_of_input_weight_and_bias_match_finite_differences(int inChannels, int outChannels, int groups,
        int stride, int padding)
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(1, [2, inChannels, 5, 5]);
        var weight = TestData.Float64(2, [outChannels, inChannels / groups, 3, 3]);
        var bias = TestData.Float64(3, [outChannels]);

        GradCheck.AssertGradientsMatch(() => F.conv2d(x, weight, bias, stride, padding, groups: groups),
            [("input", x), ("weight", weight), ("bias", bias)]);
    }

    [Theory]
    [InlineData(4, 4, 2, 1, 0)]
    [InlineData(4, 6, 1, 2, 1)]
    [InlineData(4, 4, 2, 2, 1)]
    [InlineData(4, 8, 4, 2, 1)]
    public void conv2d_output_equals_a_plain_loop_convolution(int inChannels, int outChannels, int groups, int stride, int padding)
    {
        using var scope = torch.NewDisposeScope();
        long[] xShape = [2, inChannels, 5, 5], wShape = [outChannels, inChannels / groups, 3, 3];
        var x = TestData.Uniform(4, TestData.Count(xShape));
        var w = TestData.Uniform(5, TestData.Count(wShape));
        var b = TestData.Uniform(6, outChannels);

        var output = F.conv2d(torch.tensor(x, xShape), torch.tensor(w, wShape), torch.tensor(b), stride, padding, groups: groups);

        var (expected, expectedShape) = ReferenceConv2d(x, xShape, w, wShape, b, stride, padding, groups);
        Assert.Equal(expectedShape, output.shape);
        Approx.Equal(expected, output.data<double>(), atol: 1e-12);
    }

    private static (double[] Values, long[] Shape) ReferenceConv2d(double[] x, long[] xs, double[] w, long[] ws, double[] b, int stride,
        int padding, int groups)
    {
        int n = (int)xs[0], c = (int)xs[1], h = (int)xs[2], wd = (int)xs[3];
        int o = (int)ws[0], cPerGroup = (int)ws[1], k = (int)ws[2];
        int oPerGroup = o / groups;
        int ho = (h + 2 * padding - k) / stride + 1, wo = (wd + 2 * padding - k) / stride + 1;
        var result = new double[n * o * ho * wo];
        for (var ni = 0; ni < n; ni++)
        for (var oi = 0; oi < o; oi++)
        for (var y = 0; y < ho; y++)
        for (var z = 0; z < wo; z++)
        {
            var sum = b[oi];
            var group = oi / oPerGroup;
            for (var ci = 0; ci < cPerGroup; ci++)
            for (var ky = 0; ky < k; ky++)
            for (var kx = 0; kx < k; kx++)
            {
                int iy = y * stride - padding + ky, ix = z * stride - padding + kx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd)
                {
                    continue;
                }
                var channel = group * cPerGroup + ci;
                sum += x[((ni * c + channel) * h + iy) * wd + ix] * w[((oi * cPerGroup + ci) * k + ky) * k + kx];
            }
            result[((ni * o + oi) * ho + y) * wo + z] = sum;
        }
        return (result, [n, o, ho, wo]);
    }
}
