using Mnas.Torch.Interop;

namespace Mnas.Torch;

public partial class Tensor
{
    public unsafe Tensor reshape(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return new(NativeMethods.mnas_reshape(Handle, p, shape.Length));
        }
    }

    public unsafe Tensor view(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return new(NativeMethods.mnas_view(Handle, p, shape.Length));
        }
    }

    public unsafe Tensor permute(params long[] order)
    {
        fixed (long* p = order)
        {
            return new(NativeMethods.mnas_permute(Handle, p, order.Length));
        }
    }

    public unsafe Tensor expand(params long[] shape)
    {
        fixed (long* p = shape)
        {
            return new(NativeMethods.mnas_expand(Handle, p, shape.Length));
        }
    }

    public Tensor transpose(long dim0, long dim1) => new(NativeMethods.mnas_transpose(Handle, dim0, dim1));
    public Tensor t() => transpose(0, 1);
    public Tensor flatten(long startDim = 0, long endDim = -1) => new(NativeMethods.mnas_flatten(Handle, startDim, endDim));
    public Tensor squeeze(long dim) => new(NativeMethods.mnas_squeeze(Handle, dim));
    public Tensor unsqueeze(long dim) => new(NativeMethods.mnas_unsqueeze(Handle, dim));
    public Tensor narrow(long dim, long start, long length) => new(NativeMethods.mnas_narrow(Handle, dim, start, length));

    /// <summary>Elements start, start+step, … before end along dim (as <c>x[start:end:step]</c>).</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => new(NativeMethods.mnas_slice(Handle, dim, start, end, step));

    public Tensor select(long dim, long index) => new(NativeMethods.mnas_select(Handle, dim, index));

    /// <summary>Splits into chunks equal pieces along dim.</summary>
    public Tensor[] chunk(int chunks, long dim = 0)
    {
        var length = size((int)dim);
        if (length % chunks != 0)
        {
            throw new ArgumentException($"dimension {dim} of size {length} does not split into {chunks} equal chunks", nameof(chunks));
        }
        var piece = length / chunks;
        return Enumerable.Range(0, chunks).Select(i => narrow(dim, i * piece, piece)).ToArray();
    }
}
