namespace Mnas.Torch.Tests;

/// <summary>A direct-loop 2-D convolution over plain arrays (NCHW), independent of libtorch.</summary>
internal static class ReferenceConv2d
{
    public static float[] Run(float[] input, int n, int cin, int h, int w, float[] weight, int cout, int k, float[]? bias,
        int stride, int padding, int dilation, int groups, out int outH, out int outW)
    {
        outH = (h + 2 * padding - dilation * (k - 1) - 1) / stride + 1;
        outW = (w + 2 * padding - dilation * (k - 1) - 1) / stride + 1;
        var perGroupIn = cin / groups;
        var perGroupOut = cout / groups;
        var output = new float[n * cout * outH * outW];
        for (var b = 0; b < n; b++)
        for (var co = 0; co < cout; co++)
        {
            var g = co / perGroupOut;
            for (var oy = 0; oy < outH; oy++)
            for (var ox = 0; ox < outW; ox++)
            {
                double sum = bias?[co] ?? 0;
                for (var ci = 0; ci < perGroupIn; ci++)
                for (var ky = 0; ky < k; ky++)
                for (var kx = 0; kx < k; kx++)
                {
                    var y = oy * stride - padding + ky * dilation;
                    var x = ox * stride - padding + kx * dilation;
                    if (y < 0 || y >= h || x < 0 || x >= w)
                    {
                        continue;
                    }
                    var c = g * perGroupIn + ci;
                    sum += input[((b * cin + c) * h + y) * w + x] * weight[((co * perGroupIn + ci) * k + ky) * k + kx];
                }
                output[((b * cout + co) * outH + oy) * outW + ox] = (float)sum;
            }
        }
        return output;
    }

    /// <summary>Small whole-ish numbers, so float sums are exact or nearly so.</summary>
    public static float[] Pattern(int count, int seed)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ((i * 7 + seed * 13) % 11 - 5) / 4f;
        }
        return values;
    }
}
