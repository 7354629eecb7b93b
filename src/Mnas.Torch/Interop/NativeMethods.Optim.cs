using System.Runtime.InteropServices;

namespace Mnas.Torch.Interop;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static unsafe partial OptimizerHandle mnas_sgd_new(IntPtr* parameters, int count, double lr, double momentum, double dampening,
        double weightDecay, int nesterov);

    [LibraryImport(Lib)]
    internal static unsafe partial OptimizerHandle mnas_adam_new(IntPtr* parameters, int count, double lr, double beta1, double beta2,
        double eps, double weightDecay, int amsgrad);

    [LibraryImport(Lib)]
    internal static unsafe partial OptimizerHandle mnas_adamw_new(IntPtr* parameters, int count, double lr, double beta1, double beta2,
        double eps, double weightDecay, int amsgrad);

    [LibraryImport(Lib)]
    internal static unsafe partial OptimizerHandle mnas_rmsprop_new(IntPtr* parameters, int count, double lr, double alpha, double eps,
        double weightDecay, double momentum, int centered);

    [LibraryImport(Lib)] internal static partial void mnas_optimizer_free(IntPtr optimizer);
    [LibraryImport(Lib)] internal static partial int mnas_optimizer_step(OptimizerHandle optimizer);
    [LibraryImport(Lib)] internal static partial int mnas_optimizer_zero_grad(OptimizerHandle optimizer);
    [LibraryImport(Lib)] internal static partial int mnas_optimizer_set_lr(OptimizerHandle optimizer, double lr);
    [LibraryImport(Lib)] internal static unsafe partial int mnas_optimizer_get_lr(OptimizerHandle optimizer, double* output);

    [LibraryImport(Lib)]
    internal static unsafe partial int mnas_optimizer_state_get(OptimizerHandle optimizer, int index, int slot, IntPtr* output, long* step);

    [LibraryImport(Lib)]
    internal static partial int mnas_optimizer_state_set(OptimizerHandle optimizer, int index, int slot, TensorHandle value, long step);
}
