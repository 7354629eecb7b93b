namespace Mnas.Torch.Tests;

public class ChannelsLastTests
{
    [Fact]
    public void channels_last_copy_reports_its_layout_and_keeps_logical_values()
    {
        using var scope = torch.NewDisposeScope();
        var nchw = torch.arange(24, ScalarType.Float32).reshape(2, 3, 2, 2);
        var nhwc = nchw.contiguous(torch.channels_last);
        Assert.True(nhwc.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.False(nhwc.is_contiguous());
        Assert.False(nchw.is_contiguous(MemoryFormat.ChannelsLast));
        // In memory the channel moves fastest: strides (C*H*W, 1, W*C, C) = (12, 1, 6, 3).
        Assert.Equal(new long[] { 12, 1, 6, 3 }, nhwc.stride());
        Assert.Equal(new long[] { 2, 3, 2, 2 }, nhwc.shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), nhwc.data<float>());
    }

    [Fact]
    public void conv2d_on_channels_last_input_gives_the_nchw_result()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 2, cin = 4, h = 5, w = 5, cout = 4, k = 3;
        var input = ReferenceConv2d.Pattern(n * cin * h * w, 5);
        var weight = ReferenceConv2d.Pattern(cout * cin * k * k, 6);
        var expected = ReferenceConv2d.Run(input, n, cin, h, w, weight, cout, k, null, stride: 1, padding: 1, dilation: 1, groups: 1,
            out var outH, out var outW);

        var x = torch.tensor(input, [n, cin, h, w]);
        var kernel = torch.tensor(weight, [cout, cin, k, k]);
        var fromNchw = torch.nn.functional.conv2d(x, kernel, padding: 1);
        var fromNhwc = torch.nn.functional.conv2d(x.contiguous(torch.channels_last), kernel.contiguous(torch.channels_last), padding: 1);
        Expect.Values([n, cout, outH, outW], expected, fromNchw, 1e-4);
        Expect.Values([n, cout, outH, outW], expected, fromNhwc, 1e-4);
    }

    [Fact]
    public void channels_last_needs_a_4d_tensor()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.ones(2, 3).contiguous(torch.channels_last));
        Assert.Contains("required rank 4 tensor to use channels_last format", error.Message);
    }
}
