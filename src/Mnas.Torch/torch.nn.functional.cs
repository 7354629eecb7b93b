using Mnas.Torch.Interop;

namespace Mnas.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static class functional
        {
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0,
                long dilation = 1, long groups = 1) =>
                conv2d(input, weight, bias, [stride, stride], [padding, padding], [dilation, dilation], groups);

            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation,
                long groups = 1)
            {
                RequirePair(stride, nameof(stride));
                RequirePair(padding, nameof(padding));
                RequirePair(dilation, nameof(dilation));
                using var b = new BorrowedHandle(bias);
                fixed (long* s = stride, p = padding, d = dilation)
                {
                    return new(NativeMethods.mnas_conv2d(input.Handle, weight.Handle, b.Pointer, s, p, d, groups));
                }
            }

            /// <summary>Batch normalisation; in training it updates the running statistics in place.</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                using var w = new BorrowedHandle(weight);
                using var b = new BorrowedHandle(bias);
                using var m = new BorrowedHandle(running_mean);
                using var v = new BorrowedHandle(running_var);
                return new(NativeMethods.mnas_batch_norm(input.Handle, w.Pointer, b.Pointer, m.Pointer, v.Pointer, training ? 1 : 0,
                    momentum, eps));
            }

            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
            {
                using var b = new BorrowedHandle(bias);
                return new(NativeMethods.mnas_linear(input.Handle, weight.Handle, b.Pointer));
            }

            public static Tensor relu(Tensor x) => x.relu();
            public static Tensor relu6(Tensor x) => x.relu6();
            public static Tensor hardswish(Tensor x) => x.hardswish();
            public static Tensor hardsigmoid(Tensor x) => x.hardsigmoid();
            public static Tensor sigmoid(Tensor x) => x.sigmoid();
            public static Tensor tanh(Tensor x) => x.tanh();
            public static Tensor silu(Tensor x) => x.silu();
            public static Tensor softmax(Tensor x, long dim) => x.softmax(dim);
            public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);

            public static unsafe Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1,
                bool ceil_mode = false)
            {
                long[] k = [kernel_size, kernel_size], s = [stride ?? kernel_size, stride ?? kernel_size], p = [padding, padding],
                    d = [dilation, dilation];
                fixed (long* kp = k, sp = s, pp = p, dp = d)
                {
                    return new(NativeMethods.mnas_max_pool2d(input.Handle, kp, sp, pp, dp, ceil_mode ? 1 : 0));
                }
            }

            public static unsafe Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                bool ceil_mode = false, bool count_include_pad = true)
            {
                long[] k = [kernel_size, kernel_size], s = [stride ?? kernel_size, stride ?? kernel_size], p = [padding, padding];
                fixed (long* kp = k, sp = s, pp = p)
                {
                    return new(NativeMethods.mnas_avg_pool2d(input.Handle, kp, sp, pp, ceil_mode ? 1 : 0, count_include_pad ? 1 : 0));
                }
            }

            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, long height, long width)
            {
                long[] size = [height, width];
                fixed (long* p = size)
                {
                    return new(NativeMethods.mnas_adaptive_avg_pool2d(input.Handle, p));
                }
            }

            public static Tensor adaptive_avg_pool2d(Tensor input, long size) => adaptive_avg_pool2d(input, size, size);

            public static unsafe Tensor adaptive_max_pool2d(Tensor input, long height, long width)
            {
                long[] size = [height, width];
                fixed (long* p = size)
                {
                    return new(NativeMethods.mnas_adaptive_max_pool2d(input.Handle, p));
                }
            }

            public static Tensor adaptive_max_pool2d(Tensor input, long size) => adaptive_max_pool2d(input, size, size);

            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
            {
                if (p is < 0 or > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must lie in [0, 1]");
                }
                return new(NativeMethods.mnas_dropout(input.Handle, p, training ? 1 : 0));
            }

            /// <summary>Cross-entropy of logits against class indices, with optional label smoothing.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100, double label_smoothing = 0)
            {
                using var w = new BorrowedHandle(weight);
                return new(NativeMethods.mnas_cross_entropy(input.Handle, target.Handle, w.Pointer, (int)reduction, ignore_index,
                    label_smoothing));
            }

            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100)
            {
                using var w = new BorrowedHandle(weight);
                return new(NativeMethods.mnas_nll_loss(input.Handle, target.Handle, w.Pointer, (int)reduction, ignore_index));
            }

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(NativeMethods.mnas_mse_loss(input.Handle, target.Handle, (int)reduction));

            private static void RequirePair(long[] values, string name)
            {
                if (values.Length != 2)
                {
                    throw new ArgumentException($"{name} needs two values (height, width), got {values.Length}", name);
                }
            }
        }
    }
}
