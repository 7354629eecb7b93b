namespace Mnas.Torch.Interop;

/// <summary>A native pointer to an optional tensor, kept valid (not freed by a finalizer) while borrowed.</summary>
internal ref struct BorrowedHandle
{
    private readonly TensorHandle? handle;
    private bool added;

    public BorrowedHandle(Tensor? tensor)
    {
        handle = tensor?.Handle;
        added = false;
        handle?.DangerousAddRef(ref added);
    }

    public readonly IntPtr Pointer => handle?.DangerousGetHandle() ?? IntPtr.Zero;

    public void Dispose()
    {
        if (added)
        {
            handle!.DangerousRelease();
            added = false;
        }
    }
}

/// <summary>Native pointers to a list of tensors, kept valid while borrowed.</summary>
internal sealed class BorrowedHandles : IDisposable
{
    private readonly TensorHandle[] handles;
    private int added;

    public BorrowedHandles(IReadOnlyList<Tensor> tensors)
    {
        handles = new TensorHandle[tensors.Count];
        Pointers = new IntPtr[tensors.Count];
        for (var i = 0; i < tensors.Count; i++)
        {
            var ok = false;
            handles[i] = tensors[i].Handle;
            handles[i].DangerousAddRef(ref ok);
            added++;
            Pointers[i] = handles[i].DangerousGetHandle();
        }
    }

    public IntPtr[] Pointers { get; }

    public void Dispose()
    {
        for (var i = 0; i < added; i++)
        {
            handles[i].DangerousRelease();
        }
        added = 0;
    }
}
