using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>A libtorch optimiser over a fixed list of parameters.</summary>
public abstract class Optimizer : IDisposable
{
    private readonly OptimizerHandle handle;
    private readonly int count;

    private protected Optimizer(IEnumerable<Tensor> parameters, Func<IntPtr[], OptimizerHandle> create)
    {
        var list = parameters.ToList();
        count = list.Count;
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

    /// <summary>
    /// How many state tensors each parameter may hold (SGD: the momentum buffer; Adam and AdamW: both moments and the AMSGrad
    /// maximum; RMSprop: the square average, the momentum buffer and the gradient average).
    /// </summary>
    private protected abstract int StateSlots { get; }

    /// <summary>
    /// A copy of every parameter's state, in parameter order: what a checkpoint needs to go on exactly where the
    /// optimiser was. A parameter that has taken no step has none; the caller disposes the copy.
    /// </summary>
    public unsafe OptimizerState state_dict()
    {
        var parameters = new List<OptimizerParameterState>();
        for (var index = 0; index < count; index++)
        {
            var slots = new Tensor?[StateSlots];
            long step = 0;
            for (var slot = 0; slot < StateSlots; slot++)
            {
                IntPtr value;
                TorchException.Check(NativeMethods.mnas_optimizer_state_get(handle, index, slot, &value, &step));
                slots[slot] = value == IntPtr.Zero ? null : new Tensor(value).DetachFromDisposeScope();
            }
            parameters.Add(new OptimizerParameterState(step, slots));
        }
        return new OptimizerState(parameters);
    }

    /// <summary>Sets every parameter's state from a copy <see cref="state_dict"/> made (of an optimiser of the same kind over parameters of the same shapes).</summary>
    public void load_state_dict(OptimizerState state)
    {
        if (state.Parameters.Count != count)
        {
            throw new ArgumentException($"state: {state.Parameters.Count} parameters' state for an optimiser of {count}", nameof(state));
        }
        for (var index = 0; index < count; index++)
        {
            var parameter = state.Parameters[index];
            if (parameter.Slots.Count != StateSlots)
            {
                throw new ArgumentException($"state: parameter {index} has {parameter.Slots.Count} state slots, this optimiser {StateSlots}", nameof(state));
            }
            for (var slot = 0; slot < StateSlots; slot++)
            {
                if (parameter.Slots[slot] is { } value)
                {
                    TorchException.Check(NativeMethods.mnas_optimizer_state_set(handle, index, slot, value.Handle, parameter.Step));
                }
            }
        }
    }

    public void Dispose()
    {
        handle.Dispose();
        GC.SuppressFinalize(this);
    }
}
