using System.Runtime.InteropServices;
using Mnas.Torch.Interop;

namespace Mnas.Torch;

public static partial class torch
{
    /// <summary>Seeds libtorch's generator: the same seed gives bitwise the same run on the CPU.</summary>
    public static void manual_seed(long seed) => NativeMethods.mnas_manual_seed(unchecked((ulong)seed));

    public static void set_num_threads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeMethods.mnas_set_num_threads(threads);
    }

    public static int get_num_threads() => NativeMethods.mnas_get_num_threads();

    public static unsafe string version()
    {
        var buffer = stackalloc byte[64];
        TorchException.Check(NativeMethods.mnas_version(buffer, 64));
        return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
    }

    /// <summary>Every tensor created on this thread until the scope is disposed is freed with it.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Tensors not yet freed, counted by the managed layer (a forgotten tensor counts until it is collected).</summary>
    public static long LiveTensorCount => Tensor.LiveCount;

    /// <summary>Native tensor handles not yet freed, counted by the shim.</summary>
    public static long NativeLiveTensorCount => NativeMethods.mnas_live_handles();

    public static GradModeScope no_grad() => new(false);
    public static GradModeScope enable_grad() => new(true);
    public static bool is_grad_enabled() => NativeMethods.mnas_is_grad_enabled() != 0;

    public static class cuda
    {
        public static bool is_available() => NativeMethods.mnas_cuda_is_available() != 0;
        public static int device_count() => NativeMethods.mnas_cuda_device_count();
    }
}
