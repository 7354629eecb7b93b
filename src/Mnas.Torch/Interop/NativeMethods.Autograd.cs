using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int mnas_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int mnas_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int mnas_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_grad(TensorHandle t, IntPtr* output);
    [LibraryImport(Lib)] internal static partial int mnas_clear_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int mnas_backward(TensorHandle t, IntPtr gradient, int retainGraph);
    [LibraryImport(Lib)] internal static partial int mnas_set_grad_enabled(int enabled);
    [LibraryImport(Lib)] internal static partial int mnas_is_grad_enabled();
}
