namespace Mnas.Torch.Tests;

public class Conv2dTests
{
    [Fact]
    public void a_2x2_kernel_over_a_3x3_image_sums_each_window()
    {
        using var scope = torch.NewDisposeScope();
        // [[1, 2, 3], [4, 5, 6], [7, 8, 9]] with kernel [[1, 0], [0, -1]]: x[i][j] - x[i+1][j+1] = -4 everywhere
        var x = torch.tensor(new[] { 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f }, [1, 1, 3, 3]);
        var w = torch.tensor(new[] { 1f, 0f, 0f, -1f }, [1, 1, 2, 2]);
        Expect.Values([1, 1, 2, 2], [-4f, -4f, -4f, -4f], torch.nn.functional.conv2d(x, w));
        var b = torch.tensor(new[] { 10f });
        Expect.Values([1, 1, 2, 2], [6f, 6f, 6f, 6f], torch.nn.functional.conv2d(x, w, b));
    }

    [Fact]
    public void padding_one_surrounds_the_image_with_zeros()
    {
        using var scope = torch.NewDisposeScope();
        // A 3x3 all-ones kernel counts the in-image neighbours of each pixel of a 2x2 ones image: 4 each.
        var x = torch.ones(1, 1, 2, 2);
        var w = torch.ones(1, 1, 3, 3);
        Expect.Values([1, 1, 2, 2], [4f, 4f, 4f, 4f], torch.nn.functional.conv2d(x, w, padding: 1));
    }

    [Fact]
    public void depthwise_stride_2_padding_1_dilation_2_matches_hand_computation()
    {
        using var scope = torch.NewDisposeScope();
        // Channel 0 holds 4y + x, channel 1 holds 16 + 4y + x (4x4 each).
        var x = torch.arange(32, ScalarType.Float32).reshape(1, 2, 4, 4);
        // Channel 0 kernel [[1, 2], [3, 4]], channel 1 kernel [[-1, 0], [0, 1]].
        var w = torch.tensor(new[] { 1f, 2f, 3f, 4f, -1f, 0f, 0f, 1f }, [2, 1, 2, 2]);
        var b = torch.tensor(new[] { 0.5f, -1f });
        var y = torch.nn.functional.conv2d(x, w, b, stride: 2, padding: 1, dilation: 2, groups: 2);
        // The dilated kernel spans 3 pixels; output (4 + 2 - 3) / 2 + 1 = 2 per side. Output (i, j) reads
        // rows 2i-1, 2i+1 and columns 2j-1, 2j+1 (row or column -1 is padding).
        //   ch0 (0,0): x(1,1)*4 = 5*4 = 20          ch1 (0,0): 21*1 = 21
        //   ch0 (0,1): 5*3 + 7*4 = 43                ch1 (0,1): 21*0 + 23*1 = 23
        //   ch0 (1,0): 5*2 + 13*4 = 62               ch1 (1,0): 21*0 + 29*1 = 29
        //   ch0 (1,1): 5*1 + 7*2 + 13*3 + 15*4 = 118 ch1 (1,1): -21 + 31 = 10
        Expect.Values([1, 2, 2, 2], [20.5f, 43.5f, 62.5f, 118.5f, 20f, 22f, 28f, 9f], y);
    }

    [Fact]
    public void grouped_strided_dilated_conv_matches_a_reference_loop()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 2, cin = 4, h = 7, w = 6, cout = 6, k = 3, groups = 2;
        var input = ReferenceConv2d.Pattern(n * cin * h * w, 1);
        var weight = ReferenceConv2d.Pattern(cout * (cin / groups) * k * k, 2);
        var bias = ReferenceConv2d.Pattern(cout, 3);
        var expected = ReferenceConv2d.Run(input, n, cin, h, w, weight, cout, k, bias, stride: 2, padding: 1, dilation: 2, groups,
            out var outH, out var outW);

        var y = torch.nn.functional.conv2d(torch.tensor(input, [n, cin, h, w]), torch.tensor(weight, [cout, cin / groups, k, k]),
            torch.tensor(bias), stride: 2, padding: 1, dilation: 2, groups: groups);
        Assert.Equal(new long[] { n, cout, 3, 2 }, new long[] { n, cout, outH, outW });
        Expect.Values([n, cout, outH, outW], expected, y, 1e-4);
    }

    [Fact]
    public void asymmetric_stride_and_padding_match_a_reference_loop_per_axis()
    {
        using var scope = torch.NewDisposeScope();
        // stride (1, 2), padding (0, 1): rows as a plain valid conv, columns strided and padded.
        var x = torch.arange(12, ScalarType.Float32).reshape(1, 1, 3, 4);
        var w = torch.ones(1, 1, 2, 2);
        var y = torch.nn.functional.conv2d(x, w, null, [1, 2], [0, 1], [1, 1]);
        // Rows r, r+1; columns 2j-1, 2j. x = 4r + c.
        //   (0,0): x(0,0) + x(1,0) = 0 + 4 = 4          (0,1): x(0,1..2) + x(1,1..2) = 1+2+5+6 = 14
        //   (0,2): x(0,3) + x(1,3) + padding = 3 + 7 = 10
        //   (1,0): 4 + 8 = 12   (1,1): 5+6+9+10 = 30   (1,2): 7 + 11 = 18
        Expect.Values([1, 1, 2, 3], [4f, 14f, 10f, 12f, 30f, 18f], y);
        Assert.Throws<ArgumentException>(() => torch.nn.functional.conv2d(x, w, null, [1], [0, 0], [1, 1]));
    }
}
