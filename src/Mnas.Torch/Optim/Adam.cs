using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>Adam (PyTorch's, with L2 weight decay added to the gradient and optional AMSGrad).</summary>
public sealed class Adam : Optimizer
{
    public unsafe Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false)
        : base(parameters, handles =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lr);
            if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(beta1), $"betas must lie in [0, 1), got ({beta1}, {beta2})");
            }
            fixed (IntPtr* p = handles)
            {
                return NativeMethods.mnas_adam_new(p, handles.Length, lr, beta1, beta2, eps, weight_decay, amsgrad ? 1 : 0);
            }
        })
    {
    }

    private protected override int StateSlots => 3;
}
