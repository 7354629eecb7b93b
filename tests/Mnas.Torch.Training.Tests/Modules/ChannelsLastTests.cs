using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Modules;

public class ChannelsLastTests
{
    [Fact]
    public void to_channels_last_keeps_parameter_objects_and_outputs_within_1e_5()
    {
        using var scope = torch.NewDisposeScope();
        using var net = SmallNets.ConvNet();
        SmallNets.TrainBriefly(net, steps: 2);
        net.eval();
        var parameters = net.parameters().ToArray();
        var x = torch.randn(4, 3, 8, 8);
        var before = net.forward(x).data<float>();

        Assert.Same(net, net.to(torch.channels_last));

        Assert.Equal(parameters, net.parameters());
        var conv = (Mnas.Torch.Modules.Conv2d)net[0];
        Assert.True(conv.weight.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.False(conv.weight.is_contiguous());
        Approx.Equal(before, net.forward(x).data<float>(), atol: 1e-5);
        Approx.Equal(before, net.forward(x.contiguous(torch.channels_last)).data<float>(), atol: 1e-5);
    }

    [Fact]
    public void an_optimizer_created_before_to_channels_last_still_updates_the_parameters()
    {
        using var scope = torch.NewDisposeScope();
        using var net = SmallNets.ConvNet();
        using var sgd = torch.optim.SGD(net.parameters(), lr: 0.5);
        net.to(torch.channels_last);
        var conv = (Mnas.Torch.Modules.Conv2d)net[0];
        var depthwise = (Mnas.Torch.Modules.Conv2d)net[3];
        var weightBefore = conv.weight.data<float>();
        var depthwiseBefore = depthwise.weight.data<float>();

        var x = torch.randn(4, 3, 8, 8).contiguous(torch.channels_last);
        torch.nn.functional.cross_entropy(net.forward(x), torch.tensor(new long[] { 0, 1, 0, 1 })).backward();
        var grad = conv.weight.grad!.data<float>();
        var depthwiseGrad = depthwise.weight.grad!.data<float>();
        sgd.step();

        Assert.Contains(grad, g => Math.Abs(g) > 1e-6);
        Approx.Equal(weightBefore.Zip(grad, (w, g) => w - 0.5f * g).ToArray(), conv.weight.data<float>(), atol: 1e-6);
        Approx.Equal(depthwiseBefore.Zip(depthwiseGrad, (w, g) => w - 0.5f * g).ToArray(), depthwise.weight.data<float>(), atol: 1e-6);
        Assert.True(conv.weight.is_contiguous(MemoryFormat.ChannelsLast));
    }
}
