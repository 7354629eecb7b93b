using Mnas.Torch.Interop;

namespace Mnas.Torch;

/// <summary>The engine's entry point, named as in PyTorch: <c>torch.zeros</c>, <c>torch.nn.functional.relu</c>.</summary>
public static partial class torch
{
    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType int32 = ScalarType.Int32;
    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType @bool = ScalarType.Bool;
    public const MemoryFormat channels_last = MemoryFormat.ChannelsLast;
    public const MemoryFormat contiguous_format = MemoryFormat.Contiguous;

    public static Tensor tensor(float[] data, long[]? shape = null, bool requires_grad = false, string? device = null) =>
        FromArray(data, ScalarType.Float32, shape, requires_grad, device);

    public static Tensor tensor(double[] data, long[]? shape = null, bool requires_grad = false, string? device = null) =>
        FromArray(data, ScalarType.Float64, shape, requires_grad, device);

    public static Tensor tensor(long[] data, long[]? shape = null, string? device = null) =>
        FromArray(data, ScalarType.Int64, shape, false, device);

    public static Tensor tensor(int[] data, long[]? shape = null, string? device = null) =>
        FromArray(data, ScalarType.Int32, shape, false, device);

    public static Tensor tensor(byte[] data, long[]? shape = null, string? device = null) =>
        FromArray(data, ScalarType.Byte, shape, false, device);

    private static unsafe Tensor FromArray<T>(T[] data, ScalarType type, long[]? shape, bool requiresGrad, string? device)
        where T : unmanaged
    {
        shape ??= [data.LongLength];
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.LongLength)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements but data has {data.LongLength}", nameof(shape));
        }
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_from_blob(p, (int)type, s, shape.Length, device, requiresGrad ? 1 : 0));
        }
    }

    public static unsafe Tensor empty(long[] shape, ScalarType dtype = ScalarType.Float32, string? device = null, bool requires_grad = false)
    {
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_empty(s, shape.Length, (int)dtype, device, requires_grad ? 1 : 0));
        }
    }

    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, string? device = null,
        bool requires_grad = false)
    {
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_full(s, shape.Length, value, (int)dtype, device, requires_grad ? 1 : 0));
        }
    }

    public static Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, string? device = null, bool requires_grad = false) =>
        full(shape, 0, dtype, device, requires_grad);

    public static Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, string? device = null, bool requires_grad = false) =>
        full(shape, 1, dtype, device, requires_grad);

    public static Tensor zeros(params long[] shape) => zeros(shape, ScalarType.Float32);
    public static Tensor ones(params long[] shape) => ones(shape, ScalarType.Float32);

    public static unsafe Tensor randn(long[] shape, ScalarType dtype = ScalarType.Float32, string? device = null, bool requires_grad = false)
    {
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_randn(s, shape.Length, (int)dtype, device, requires_grad ? 1 : 0));
        }
    }

    public static Tensor randn(params long[] shape) => randn(shape, ScalarType.Float32);

    public static unsafe Tensor rand(long[] shape, ScalarType dtype = ScalarType.Float32, string? device = null, bool requires_grad = false)
    {
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_rand(s, shape.Length, (int)dtype, device, requires_grad ? 1 : 0));
        }
    }

    public static Tensor rand(params long[] shape) => rand(shape, ScalarType.Float32);

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] shape, string? device = null)
    {
        fixed (long* s = shape)
        {
            return new(NativeMethods.mnas_randint(low, high, s, shape.Length, device));
        }
    }

    public static Tensor randint(long high, long[] shape, string? device = null) => randint(0, high, shape, device);

    public static Tensor randperm(long n, string? device = null) => new(NativeMethods.mnas_randperm(n, device));

    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, string? device = null) =>
        new(NativeMethods.mnas_arange(start, end, step, (int)dtype, device));

    public static Tensor arange(long end, ScalarType dtype = ScalarType.Int64) => arange(0, end, 1, dtype);

    public static Tensor zeros_like(Tensor t) => zeros(t.shape, t.dtype, t.device);
    public static Tensor ones_like(Tensor t) => ones(t.shape, t.dtype, t.device);
    public static Tensor randn_like(Tensor t) => randn(t.shape, t.dtype, t.device);
}
