using Mnas.Torch.Modules;

namespace Mnas.Torch.Training.Tests.Modules;

internal static class SmallNets
{
    /// <summary>conv → bn → relu → depthwise conv (stride 2) → bn → hardswish → pool → linear: 3×8×8 images to 2 classes.</summary>
    public static Sequential ConvNet() => torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 3, padding: 1, bias: false),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.Conv2d(8, 8, 3, stride: 2, padding: 1, groups: 8, bias: false),
        torch.nn.BatchNorm2d(8),
        torch.nn.Hardswish(),
        torch.nn.AdaptiveAvgPool2d(1),
        torch.nn.Flatten(),
        torch.nn.Linear(8, 2));

    /// <summary>Every parameter and buffer, copied out (integers as doubles), by name.</summary>
    public static Dictionary<string, double[]> Snapshot(Module module) => module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.dtype switch
    {
        ScalarType.Float32 => kv.Value.data<float>().Select(v => (double)v).ToArray(),
        ScalarType.Float64 => kv.Value.data<double>(),
        ScalarType.Int64 => kv.Value.data<long>().Select(v => (double)v).ToArray(),
        _ => throw new NotSupportedException(kv.Value.dtype.ToString()),
    });

    /// <summary>A few SGD steps on random data, so that weights and batch-norm statistics move away from their initial values.</summary>
    public static void TrainBriefly(Module<Tensor, Tensor> net, int steps = 3)
    {
        using var optimizer = torch.optim.SGD(net.parameters(), lr: 0.1, momentum: 0.9);
        for (var i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.randn(4, 3, 8, 8);
            var target = torch.tensor(new long[] { 0, 1, 1, 0 });
            optimizer.zero_grad();
            torch.nn.functional.cross_entropy(net.forward(x), target).backward();
            optimizer.step();
        }
    }
}
