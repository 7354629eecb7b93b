namespace Mnas.Torch.Tests;

public class ConvBackwardTests
{
    [Fact]
    public void gradient_of_summed_1x1_conv_is_the_per_channel_input_sum()
    {
        using var scope = torch.NewDisposeScope();
        // y = sum over pixels of (w0 * x0 + w1 * x1 + b), so dy/dw_c = sum of channel c, dy/db = pixel count
        var x = torch.tensor(new[] { 1f, 2f, 3f, 4f, -1f, 0f, 5f, 0.5f }, [1, 2, 2, 2]);
        var w = torch.tensor(new[] { 0.3f, -0.7f }, [1, 2, 1, 1], requires_grad: true);
        var b = torch.tensor(new[] { 0.1f }, requires_grad: true);
        var y = torch.nn.functional.conv2d(x, w, b).sum();
        Expect.Close(0.3 * 10 - 0.7 * 4.5 + 0.1 * 4, y.item<float>());
        y.backward();
        Expect.Values([1, 2, 1, 1], [10f, 4.5f], w.grad!);
        Expect.Values([1], [4f], b.grad!);
    }

    [Fact]
    public void a_conv_bn_relu6_net_runs_forward_and_backward()
    {
        using var scope = torch.NewDisposeScope();
        using var conv = torch.nn.Conv2d(3, 8, 3, padding: 1);
        using var bn = torch.nn.BatchNorm2d(8);
        var x = torch.randn(2, 3, 8, 8);
        var normalised = bn.call(conv.call(x));
        // In training, each channel comes out with mean 0 and (biased) variance 1 / (1 + eps / var): about 1.
        var perChannel = normalised.transpose(0, 1).reshape(8, -1);
        Expect.Close(new float[8], perChannel.mean(1).data<float>(), 1e-5);
        Expect.Close(Enumerable.Repeat(1f, 8).ToArray(), perChannel.square().mean(1).data<float>(), 1e-3);
        var y = normalised.relu6();
        Assert.Equal(0f, y.min().item<float>());
        Assert.InRange(y.max().item<float>(), 1f, 6f);

        y.mean().backward();
        Assert.Equal(new long[] { 8, 3, 3, 3 }, conv.weight.grad!.shape);
        Assert.True(conv.weight.grad!.abs().sum().item<float>() > 0);
        // Batch norm subtracts each channel's batch mean, so the conv bias cannot change the loss.
        Expect.Close(new float[8], conv.bias!.grad!.data<float>(), 1e-6);
    }
}
