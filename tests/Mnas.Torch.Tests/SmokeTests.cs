using Mnas.Torch;

namespace Mnas.Torch.Tests;

public class SmokeTests
{
    [Fact]
    public void a_conv_net_runs_forward_and_backward()
    {
        using var scope = torch.NewDisposeScope();
        var conv = torch.nn.Conv2d(3, 8, 3, padding: 1);
        var bn = torch.nn.BatchNorm2d(8);
        var x = torch.randn(2, 3, 8, 8);
        var y = bn.call(conv.call(x)).relu6().mean();
        y.backward();
        var g = conv.weight.grad!;
        Assert.Equal(new long[] { 8, 3, 3, 3 }, g.shape);
        Assert.True(g.abs().sum().item<float>() > 0);
        Assert.Throws<TorchException>(() => torch.zeros(2, 3).matmul(torch.zeros(4, 5)));
        conv.Dispose();
        bn.Dispose();
    }
}
