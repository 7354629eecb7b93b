using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

/// <summary>Owns one native tensor handle; frees it even when its tensor is never disposed.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.mnas_tensor_free(handle);
        return true;
    }
}
