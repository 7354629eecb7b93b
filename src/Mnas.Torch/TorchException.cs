using System.Runtime.InteropServices;
using Mnas.Torch.Interop;

namespace Mnas.Torch;

/// <summary>An error raised by libtorch (a shape mismatch, a bad argument), carrying libtorch's message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message)
    {
    }

    internal static TorchException FromLastError()
    {
        var message = Marshal.PtrToStringUTF8(NativeMethods.mnas_last_error()) ?? "libtorch reported an error without a message";
        NativeMethods.mnas_clear_error();
        return new TorchException(message);
    }

    internal static void Check(int status)
    {
        if (status != 0)
        {
            throw FromLastError();
        }
    }

    internal static IntPtr Check(IntPtr handle) => handle == IntPtr.Zero ? throw FromLastError() : handle;
}
