using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial long mnas_dim(TensorHandle t);
    [LibraryImport(Lib)] internal static partial long mnas_numel(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int mnas_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial void mnas_shape(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static unsafe partial void mnas_strides(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_device(TensorHandle t, byte* buffer, int length);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_copy_to(TensorHandle t, void* destination, long bytes);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_item_double(TensorHandle t, double* output);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_item_long(TensorHandle t, long* output);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mnas_to_device(TensorHandle t, string device);

    [LibraryImport(Lib)] internal static partial IntPtr mnas_to_dtype(TensorHandle t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_contiguous(TensorHandle t, int memoryFormat);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_to_memory_format(TensorHandle t, int memoryFormat);
    [LibraryImport(Lib)] internal static partial int mnas_is_contiguous(TensorHandle t, int memoryFormat);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_alias(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int mnas_set_data(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial int mnas_copy_(TensorHandle t, TensorHandle source);
    [LibraryImport(Lib)] internal static partial int mnas_fill_(TensorHandle t, double value);
    [LibraryImport(Lib)] internal static partial int mnas_uniform_(TensorHandle t, double low, double high);
    [LibraryImport(Lib)] internal static partial int mnas_normal_(TensorHandle t, double mean, double std);
}
