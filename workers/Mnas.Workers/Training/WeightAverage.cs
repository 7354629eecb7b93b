using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Training;

/// <summary>
/// An exponential moving average of a network's weights (as EfficientNet trains with): shadow copies of every parameter
/// and buffer, taken when it is made. After each optimiser step <see cref="Update"/> moves each parameter's shadow to
/// d·shadow + (1 − d)·weight and copies each buffer (batch norm's running statistics) as it is. The network can then be
/// scored with the average (<see cref="SwapIn"/>) or left holding it (<see cref="CopyTo"/>).
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly Module network;
    private readonly List<(string Name, Tensor Live, Tensor Shadow)> parameters;
    private readonly List<(string Name, Tensor Live, Tensor Shadow)> buffers;

    public WeightAverage(Module network, double decay)
    {
        if (!(decay is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "must lie in [0, 1)");
        }
        (this.network, Decay) = (network, decay);
        using var noGrad = torch.no_grad();
        parameters = network.named_parameters().Select(p => (p.Name, (Tensor)p.Parameter, Copy(p.Parameter))).ToList();
        buffers = network.named_buffers().Select(b => (b.Name, b.Buffer, Copy(b.Buffer))).ToList();
    }

    public double Decay { get; }

    /// <summary>The averaged parameters and the buffers' copies, by name; the tensors stay this average's.</summary>
    public IReadOnlyDictionary<string, Tensor> Averages =>
        parameters.Concat(buffers).ToDictionary(entry => entry.Name, entry => entry.Shadow);

    /// <summary>Folds the network's current weights into the average; call after each optimiser step.</summary>
    public void Update()
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, live, shadow) in parameters)
        {
            shadow.mul_(Decay).add_(live, 1 - Decay);
        }
        foreach (var (_, live, shadow) in buffers)
        {
            shadow.copy_(live);
        }
    }

    /// <summary>Writes the average into the network, which keeps it.</summary>
    public void CopyTo()
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, live, shadow) in parameters.Concat(buffers))
        {
            live.copy_(shadow);
        }
    }

    /// <summary>The network holds the average until the result is disposed, then its own weights again.</summary>
    public IDisposable SwapIn()
    {
        using var noGrad = torch.no_grad();
        var own = parameters.Concat(buffers).Select(entry => (entry.Live, Saved: Copy(entry.Live))).ToList();
        CopyTo();
        return new Restore(own);
    }

    public void Dispose()
    {
        foreach (var (_, _, shadow) in parameters.Concat(buffers))
        {
            shadow.Dispose();
        }
    }

    private static Tensor Copy(Tensor tensor)
    {
        using var detached = tensor.detach();
        return detached.clone().DetachFromDisposeScope();
    }

    private sealed class Restore(List<(Tensor Live, Tensor Saved)> own) : IDisposable
    {
        public void Dispose()
        {
            using var noGrad = torch.no_grad();
            foreach (var (live, saved) in own)
            {
                live.copy_(saved);
                saved.Dispose();
            }
            own.Clear();
        }
    }
}
