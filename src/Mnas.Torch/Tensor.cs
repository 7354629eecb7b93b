using System.Runtime.InteropServices;
using System.Text;
using Mnas.Torch.Interop;

namespace Mnas.Torch;

/// <summary>
/// A libtorch tensor. Dispose it (or let a <see cref="DisposeScope"/> do so); its native handle
/// is also freed by a finalizer as a backstop.
/// </summary>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle handle;

    internal Tensor(IntPtr raw) : this(raw, scoped: true)
    {
    }

    private protected Tensor(IntPtr raw, bool scoped)
    {
        handle = new TensorHandle(TorchException.Check(raw));
        if (scoped)
        {
            DisposeScope.Current?.Add(this);
        }
    }

    /// <summary>Tensors created and not yet freed (disposed, or collected after being forgotten), in this process.</summary>
    public static long LiveCount => TensorHandle.LiveCount;

    internal DisposeScope? OwningScope { get; set; }

    internal TensorHandle Handle => IsDisposed ? throw new ObjectDisposedException(nameof(Tensor), "The tensor was disposed.") : handle;

    public bool IsDisposed { get; private set; }

    public long dim() => NativeMethods.mnas_dim(Handle);

    public long numel() => NativeMethods.mnas_numel(Handle);

    public ScalarType dtype => (ScalarType)NativeMethods.mnas_dtype(Handle);

    public unsafe long[] shape
    {
        get
        {
            var result = new long[dim()];
            fixed (long* p = result)
            {
                NativeMethods.mnas_shape(Handle, p);
            }
            return result;
        }
    }

    public long size(int dimension) => shape[dimension < 0 ? dimension + (int)dim() : dimension];

    public unsafe long[] stride()
    {
        var result = new long[dim()];
        fixed (long* p = result)
        {
            NativeMethods.mnas_strides(Handle, p);
        }
        return result;
    }

    public unsafe string device
    {
        get
        {
            var buffer = stackalloc byte[64];
            TorchException.Check(NativeMethods.mnas_device(Handle, buffer, 64));
            return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "cpu";
        }
    }

    /// <summary>Copies the elements, in row-major order, to a new array.</summary>
    public unsafe T[] data<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result)
        {
            TorchException.Check(NativeMethods.mnas_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        }
        return result;
    }

    public T[] ToArray<T>() where T : unmanaged => data<T>();

    public unsafe T item<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(bool))
        {
            long value;
            TorchException.Check(NativeMethods.mnas_item_long(Handle, &value));
            return typeof(T) == typeof(long) ? (T)(object)value
                : typeof(T) == typeof(int) ? (T)(object)checked((int)value)
                : (T)(object)(value != 0);
        }
        double d;
        TorchException.Check(NativeMethods.mnas_item_double(Handle, &d));
        return typeof(T) == typeof(double) ? (T)(object)d
            : typeof(T) == typeof(float) ? (T)(object)(float)d
            : throw new ArgumentException($"item<{typeof(T).Name}>() is not supported; use float, double, long, int or bool.");
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        var expected = dtype switch
        {
            ScalarType.Float32 => typeof(float),
            ScalarType.Float64 => typeof(double),
            ScalarType.Int64 => typeof(long),
            ScalarType.Int32 => typeof(int),
            ScalarType.Byte => typeof(byte),
            ScalarType.Bool => typeof(bool),
            _ => null,
        };
        if (expected != typeof(T))
        {
            throw new ArgumentException($"The tensor holds {dtype} elements; data<{typeof(T).Name}>() cannot read them.");
        }
    }

    /// <summary>Leaves the current dispose scope for the one around it (or for none).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var scope = OwningScope;
        if (scope != null)
        {
            scope.Remove(this);
            scope.Outer?.Add(this);
        }
        return this;
    }

    /// <summary>Leaves every dispose scope: the caller owns the tensor.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Remove(this);
        return this;
    }

    /// <summary>Points this tensor at another's data (as PyTorch's <c>param.data = other</c>), keeping its identity.</summary>
    internal void SetData(Tensor other) => TorchException.Check(NativeMethods.mnas_set_data(Handle, other.Handle));

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }
        IsDisposed = true;
        OwningScope?.Remove(this);
        handle.Dispose();
    }

    public override string ToString()
    {
        if (IsDisposed)
        {
            return "tensor(disposed)";
        }
        var text = new StringBuilder("tensor[");
        text.AppendJoin('x', shape).Append("] ").Append(dtype).Append(' ').Append(device);
        return text.ToString();
    }
}
