using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static unsafe partial IntPtr mnas_conv2d(TensorHandle x, TensorHandle weight, IntPtr bias, long* stride, long* padding,
        long* dilation, long groups);

    [LibraryImport(Lib)]
    internal static partial IntPtr mnas_batch_norm(TensorHandle x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar,
        int training, double momentum, double eps);

    [LibraryImport(Lib)] internal static partial IntPtr mnas_linear(TensorHandle x, TensorHandle weight, IntPtr bias);

    [LibraryImport(Lib)]
    internal static unsafe partial IntPtr mnas_max_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, long* dilation,
        int ceilMode);

    [LibraryImport(Lib)]
    internal static unsafe partial IntPtr mnas_avg_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, int ceilMode,
        int countIncludePad);

    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_adaptive_avg_pool2d(TensorHandle x, long* outputSize);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr mnas_adaptive_max_pool2d(TensorHandle x, long* outputSize);
    [LibraryImport(Lib)] internal static partial IntPtr mnas_dropout(TensorHandle x, double p, int training);

    [LibraryImport(Lib)]
    internal static partial IntPtr mnas_cross_entropy(TensorHandle logits, TensorHandle target, IntPtr weight, int reduction,
        long ignoreIndex, double labelSmoothing);

    [LibraryImport(Lib)]
    internal static partial IntPtr mnas_nll_loss(TensorHandle logProbs, TensorHandle target, IntPtr weight, int reduction, long ignoreIndex);

    [LibraryImport(Lib)] internal static partial IntPtr mnas_mse_loss(TensorHandle input, TensorHandle target, int reduction);
}
