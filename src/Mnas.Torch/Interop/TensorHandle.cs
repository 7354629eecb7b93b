using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

/// <summary>Owns one native tensor handle; frees it even when its tensor is never disposed.</summary>
internal sealed class TensorHandle : SafeHandle
{
    private static long live;

    public TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        Interlocked.Increment(ref live);
    }

    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <summary>Handles not yet released, whether by Dispose or by the finalizer of a forgotten tensor.</summary>
    public static long LiveCount => Interlocked.Read(ref live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.mnas_tensor_free(handle);
        Interlocked.Decrement(ref live);
        return true;
    }
}
