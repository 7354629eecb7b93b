using Mnas.Torch.Interop;

namespace Mnas.Torch;

public static partial class torch
{
    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new BorrowedHandles(tensors);
        fixed (IntPtr* p = handles.Pointers)
        {
            return new(NativeMethods.mnas_cat(p, tensors.Count, dim));
        }
    }

    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new BorrowedHandles(tensors);
        fixed (IntPtr* p = handles.Pointers)
        {
            return new(NativeMethods.mnas_stack(p, tensors.Count, dim));
        }
    }

    public static Tensor where(Tensor condition, Tensor a, Tensor b) => new(NativeMethods.mnas_where(condition.Handle, a.Handle, b.Handle));
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor sigmoid(Tensor x) => x.sigmoid();
    public static Tensor tanh(Tensor x) => x.tanh();
    public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);
    public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);
}
