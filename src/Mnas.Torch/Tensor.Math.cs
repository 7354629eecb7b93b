using Mnas.Torch.Interop;

namespace Mnas.Torch;

public partial class Tensor
{
    private Tensor Unary(UnaryOp op) => new(NativeMethods.mnas_unary(Handle, (int)op));

    private Tensor Binary(Tensor other, BinaryOp op, double alpha = 1) => new(NativeMethods.mnas_binary(Handle, other.Handle, (int)op, alpha));

    private Tensor Binary(double other, BinaryOp op, double alpha = 1) => new(NativeMethods.mnas_binary_scalar(Handle, other, (int)op, alpha));

    private Tensor BinaryInPlace(Tensor other, BinaryOp op, double alpha = 1)
    {
        TorchException.Check(NativeMethods.mnas_binary_(Handle, other.Handle, (int)op, alpha));
        return this;
    }

    private Tensor BinaryInPlace(double other, BinaryOp op, double alpha = 1)
    {
        TorchException.Check(NativeMethods.mnas_binary_scalar_(Handle, other, (int)op, alpha));
        return this;
    }

    public Tensor neg() => Unary(UnaryOp.Neg);
    public Tensor abs() => Unary(UnaryOp.Abs);
    public Tensor exp() => Unary(UnaryOp.Exp);
    public Tensor log() => Unary(UnaryOp.Log);
    public Tensor sqrt() => Unary(UnaryOp.Sqrt);
    public Tensor square() => Unary(UnaryOp.Square);
    public Tensor relu() => Unary(UnaryOp.Relu);
    public Tensor relu6() => Unary(UnaryOp.Relu6);
    public Tensor hardswish() => Unary(UnaryOp.Hardswish);
    public Tensor hardsigmoid() => Unary(UnaryOp.Hardsigmoid);
    public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);
    public Tensor tanh() => Unary(UnaryOp.Tanh);
    public Tensor silu() => Unary(UnaryOp.Silu);

    public Tensor add(Tensor other, double alpha = 1) => Binary(other, BinaryOp.Add, alpha);
    public Tensor add(double other) => Binary(other, BinaryOp.Add);
    public Tensor sub(Tensor other, double alpha = 1) => Binary(other, BinaryOp.Sub, alpha);
    public Tensor sub(double other) => Binary(other, BinaryOp.Sub);
    public Tensor mul(Tensor other) => Binary(other, BinaryOp.Mul);
    public Tensor mul(double other) => Binary(other, BinaryOp.Mul);
    public Tensor div(Tensor other) => Binary(other, BinaryOp.Div);
    public Tensor div(double other) => Binary(other, BinaryOp.Div);
    public Tensor pow(Tensor exponent) => Binary(exponent, BinaryOp.Pow);
    public Tensor pow(double exponent) => Binary(exponent, BinaryOp.Pow);
    public Tensor maximum(Tensor other) => Binary(other, BinaryOp.Maximum);
    public Tensor minimum(Tensor other) => Binary(other, BinaryOp.Minimum);
    public Tensor eq(Tensor other) => Binary(other, BinaryOp.Eq);
    public Tensor eq(double other) => Binary(other, BinaryOp.Eq);
    public Tensor ne(Tensor other) => Binary(other, BinaryOp.Ne);
    public Tensor lt(Tensor other) => Binary(other, BinaryOp.Lt);
    public Tensor lt(double other) => Binary(other, BinaryOp.Lt);
    public Tensor le(double other) => Binary(other, BinaryOp.Le);
    public Tensor gt(Tensor other) => Binary(other, BinaryOp.Gt);
    public Tensor gt(double other) => Binary(other, BinaryOp.Gt);
    public Tensor ge(double other) => Binary(other, BinaryOp.Ge);

    public Tensor add_(Tensor other, double alpha = 1) => BinaryInPlace(other, BinaryOp.Add, alpha);
    public Tensor add_(double other) => BinaryInPlace(other, BinaryOp.Add);
    public Tensor sub_(Tensor other, double alpha = 1) => BinaryInPlace(other, BinaryOp.Sub, alpha);
    public Tensor mul_(Tensor other) => BinaryInPlace(other, BinaryOp.Mul);
    public Tensor mul_(double other) => BinaryInPlace(other, BinaryOp.Mul);
    public Tensor div_(double other) => BinaryInPlace(other, BinaryOp.Div);

    public Tensor matmul(Tensor other) => new(NativeMethods.mnas_matmul(Handle, other.Handle));

    public Tensor clamp(double? min = null, double? max = null) =>
        new(NativeMethods.mnas_clamp(Handle, min.HasValue ? 1 : 0, min ?? 0, max.HasValue ? 1 : 0, max ?? 0));

    public unsafe Tensor sum(long[]? dims = null, bool keepdim = false)
    {
        dims ??= [];
        fixed (long* p = dims)
        {
            return new(NativeMethods.mnas_sum(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    public unsafe Tensor mean(long[]? dims = null, bool keepdim = false)
    {
        dims ??= [];
        fixed (long* p = dims)
        {
            return new(NativeMethods.mnas_mean(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

    public Tensor max() => new(NativeMethods.mnas_max(Handle));
    public Tensor min() => new(NativeMethods.mnas_min(Handle));

    public Tensor argmax(long? dim = null, bool keepdim = false) =>
        new(NativeMethods.mnas_argmax(Handle, dim.HasValue ? 1 : 0, dim ?? 0, keepdim ? 1 : 0));

    public Tensor softmax(long dim) => new(NativeMethods.mnas_softmax(Handle, dim));
    public Tensor log_softmax(long dim) => new(NativeMethods.mnas_log_softmax(Handle, dim));
    public Tensor gather(long dim, Tensor index) => new(NativeMethods.mnas_gather(Handle, dim, index.Handle));
    public Tensor index_select(long dim, Tensor index) => new(NativeMethods.mnas_index_select(Handle, dim, index.Handle));

    public unsafe bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        int result;
        TorchException.Check(NativeMethods.mnas_allclose(Handle, other.Handle, rtol, atol, &result));
        return result != 0;
    }

    /// <summary>True when both have the same shape and exactly the same elements.</summary>
    public unsafe bool equal(Tensor other)
    {
        int result;
        TorchException.Check(NativeMethods.mnas_equal(Handle, other.Handle, &result));
        return result != 0;
    }

    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    public static Tensor operator -(double a, Tensor b)
    {
        using var negated = b.neg();
        return negated.add(a);
    }

    public static Tensor operator -(Tensor a) => a.neg();
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, double b) => a.div(b);
}
