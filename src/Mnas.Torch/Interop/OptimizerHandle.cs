using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal sealed class OptimizerHandle : SafeHandle
{
    public OptimizerHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.mnas_optimizer_free(handle);
        return true;
    }
}
