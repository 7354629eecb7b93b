using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Modules;

public class DtypeConversionTests
{
    [Fact]
    public void to_float64_converts_floating_parameters_and_buffers_in_place_and_keeps_integer_buffers()
    {
        using var scope = torch.NewDisposeScope();
        using var net = SmallNets.ConvNet();
        SmallNets.TrainBriefly(net, steps: 1);
        net.eval();
        var parameters = net.parameters().ToArray();
        var values = SmallNets.Snapshot(net);
        var x = torch.randn(2, 3, 8, 8);
        var single = net.forward(x).data<float>();

        net.to(torch.float64);

        Assert.Equal(parameters, net.parameters());
        Assert.All(net.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad && p.is_leaf));
        Assert.Equal(ScalarType.Float64, net.state_dict()["1.running_mean"].dtype);
        Assert.Equal(ScalarType.Int64, net.state_dict()["1.num_batches_tracked"].dtype);
        // float → double is exact.
        Assert.Equal(values, SmallNets.Snapshot(net));
        var twice = net.forward(x.to(torch.float64)).data<double>();
        Approx.Equal(single.Select(v => (double)v).ToArray(), twice, atol: 1e-5);
    }

    [Fact]
    public void a_float64_module_trains_with_float64_gradients()
    {
        using var scope = torch.NewDisposeScope();
        using var linear = torch.nn.Linear(2, 1);
        linear.to(torch.float64);
        using var sgd = torch.optim.SGD(linear.parameters(), lr: 0.1);
        var w = linear.weight.data<double>();
        var b = linear.bias!.data<double>()[0];

        // loss = (w·x + b) with x = [1, −2]: dL/dw = x, dL/db = 1.
        linear.forward(torch.tensor(new double[] { 1, -2 }, [1, 2])).sum().backward();
        Assert.Equal(ScalarType.Float64, linear.weight.grad!.dtype);
        sgd.step();

        Approx.Equal([w[0] - 0.1, w[1] + 0.2], linear.weight.data<double>(), atol: 1e-15);
        Assert.Equal(b - 0.1, linear.bias.data<double>()[0], 15);
    }

    [Fact]
    public void to_an_integer_type_is_refused()
    {
        using var linear = torch.nn.Linear(2, 1);
        var error = Assert.Throws<ArgumentException>(() => linear.to(ScalarType.Int64));
        Assert.Equal("dtype", error.ParamName);
        Assert.Equal(ScalarType.Float32, linear.weight.dtype);
    }
}
