using Mnas.Torch.Interop;

namespace Mnas.Torch;

public partial class Tensor
{
    public bool requires_grad
    {
        get => NativeMethods.mnas_requires_grad(Handle) != 0;
        set => TorchException.Check(NativeMethods.mnas_set_requires_grad(Handle, value ? 1 : 0));
    }

    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    public bool is_leaf => NativeMethods.mnas_is_leaf(Handle) != 0;

    /// <summary>The accumulated gradient, as a new handle the caller (or scope) owns; null before any backward.</summary>
    public unsafe Tensor? grad
    {
        get
        {
            IntPtr raw;
            TorchException.Check(NativeMethods.mnas_grad(Handle, &raw));
            return raw == IntPtr.Zero ? null : new Tensor(raw);
        }
    }

    /// <summary>Drops the accumulated gradient (PyTorch's <c>grad = None</c>).</summary>
    public void clear_grad() => TorchException.Check(NativeMethods.mnas_clear_grad(Handle));

    public void backward(Tensor? gradient = null, bool retain_graph = false)
    {
        using var gradientHandle = new BorrowedHandle(gradient);
        TorchException.Check(NativeMethods.mnas_backward(Handle, gradientHandle.Pointer, retain_graph ? 1 : 0));
    }
}
