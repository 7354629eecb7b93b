using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    private const string Lib = NativeLibraryLocator.LibraryName;

    [LibraryImport(Lib)] internal static partial IntPtr mnas_last_error();
    [LibraryImport(Lib)] internal static partial void mnas_clear_error();
    [LibraryImport(Lib)] internal static partial void mnas_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial long mnas_live_handles();
}
