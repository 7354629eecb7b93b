using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_reshape(TensorHandle x, long* shape, int ndim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_view(TensorHandle x, long* shape, int ndim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_permute(TensorHandle x, long* order, int ndim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_transpose(TensorHandle x, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_flatten(TensorHandle x, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_squeeze(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_unsqueeze(TensorHandle x, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_narrow(TensorHandle x, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_slice(TensorHandle x, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_select(TensorHandle x, long dim, long index);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_expand(TensorHandle x, long* shape, int ndim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_cat(IntPtr* handles, int count, long dim);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_stack(IntPtr* handles, int count, long dim);
}
