using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>A libtorch optimiser over a fixed list of parameters.</summary>
public abstract class Optimizer : IDisposable
{
    private readonly OptimizerHandle handle;

    private protected Optimizer(IEnumerable<Tensor> parameters, Func<IntPtr[], OptimizerHandle> create)
    {
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("an optimiser needs at least one parameter", nameof(parameters));
        }
        using var handles = new BorrowedHandles(list);
        handle = create(handles.Pointers);
        if (handle.IsInvalid)
        {
            throw TorchException.FromLastError();
        }
    }

    public unsafe double LearningRate
    {
        get
        {
            double lr;
            TorchException.Check(NativeMethods.mnas_optimizer_get_lr(handle, &lr));
            return lr;
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            TorchException.Check(NativeMethods.mnas_optimizer_set_lr(handle, value));
        }
    }

    public void step() => TorchException.Check(NativeMethods.mnas_optimizer_step(handle));

    /// <summary>Drops every parameter's gradient (the next backward writes fresh ones).</summary>
    public void zero_grad() => TorchException.Check(NativeMethods.mnas_optimizer_zero_grad(handle));

    public void Dispose()
    {
        handle.Dispose();
        GC.SuppressFinalize(this);
    }
}
