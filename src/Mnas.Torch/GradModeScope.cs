using Mnas.Torch.Interop;

namespace Mnas.Torch;

/// <summary>Turns gradient recording on or off for this thread until disposed, then restores it.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool previous;
    private bool disposed;

    internal GradModeScope(bool enabled) => previous = NativeMethods.mnas_set_grad_enabled(enabled ? 1 : 0) != 0;

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeMethods.mnas_set_grad_enabled(previous ? 1 : 0);
        }
    }
}
