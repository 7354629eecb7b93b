using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr mnas_unary(TensorHandle x, int op);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_binary(TensorHandle a, TensorHandle b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_binary_scalar(TensorHandle a, double b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial int mnas_binary_(TensorHandle a, TensorHandle b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial int mnas_binary_scalar_(TensorHandle a, double b, int op, double alpha);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_clamp(TensorHandle x, int hasMin, double min, int hasMax, double max);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_sum(TensorHandle x, long* dims, int ndim, int keepdim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_mean(TensorHandle x, long* dims, int ndim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_max(TensorHandle x);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_min(TensorHandle x);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_argmax(TensorHandle x, int hasDim, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_softmax(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_log_softmax(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_gather(TensorHandle x, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_index_select(TensorHandle x, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, int* output);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_equal(TensorHandle a, TensorHandle b, int* output);
}
