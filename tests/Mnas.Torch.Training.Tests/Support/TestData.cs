namespace Mnas.Torch.Training.Tests.Support;

/// <summary>Inputs drawn from System.Random with a fixed seed: independent of libtorch's global generator.</summary>
internal static class TestData
{
    public static double[] Uniform(int seed, long count, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = low + (high - low) * random.NextDouble();
        }
        return values;
    }

    /// <summary>A float64 tensor of uniform values; a leaf that requires grad when asked.</summary>
    public static Tensor Float64(int seed, long[] shape, double low = -1, double high = 1, bool requiresGrad = true) =>
        torch.tensor(Uniform(seed, shape.Aggregate(1L, (a, b) => a * b), low, high), shape, requires_grad: requiresGrad);

    public static long Count(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);
}
