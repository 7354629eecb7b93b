using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial void mnas_set_num_threads(int threads);
    [LibraryImport(Lib)] internal static partial int mnas_get_num_threads();
    [LibraryImport(Lib)] internal static partial void mnas_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int mnas_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int mnas_cuda_device_count();
    [LibraryImport(Lib)] internal static unsafe partial int mnas_version(byte* buffer, int length);
}
