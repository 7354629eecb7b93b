using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_from_blob(void* data, int dtype, long* shape, int ndim, string? device, int requiresGrad);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_empty(long* shape, int ndim, int dtype, string? device, int requiresGrad);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_full(long* shape, int ndim, double value, int dtype, string? device, int requiresGrad);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_randn(long* shape, int ndim, int dtype, string? device, int requiresGrad);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_rand(long* shape, int ndim, int dtype, string? device, int requiresGrad);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr mnas_randint(long low, long high, long* shape, int ndim, string? device);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mnas_arange(double start, double end, double step, int dtype, string? device);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mnas_randperm(long n, string? device);
}
