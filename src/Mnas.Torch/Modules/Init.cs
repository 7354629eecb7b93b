namespace Mnas.Torch.Modules;

/// <summary>PyTorch's default initialisations, so that a network starts as it would there.</summary>
internal static class Init
{
    /// <summary>U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's default for conv and linear weights and biases.</summary>
    public static Parameter Uniform(long[] shape, long fanIn)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        using var data = torch.empty(shape);
        data.uniform_(-bound, bound);
        return new Parameter(data);
    }

    public static Parameter Constant(long[] shape, double value)
    {
        using var data = torch.full(shape, value);
        return new Parameter(data);
    }
}
