using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>
/// AdamW (PyTorch's): Adam whose weight decay is decoupled from the gradient, each step first shrinking every parameter
/// by lr·weight_decay of itself; optional AMSGrad.
/// </summary>
public sealed class AdamW : Optimizer
{
    public unsafe AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0.01, bool amsgrad = false)
        : base(parameters, handles =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lr);
            if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(beta1), $"betas must lie in [0, 1), got ({beta1}, {beta2})");
            }
            ArgumentOutOfRangeException.ThrowIfNegative(eps);
            ArgumentOutOfRangeException.ThrowIfNegative(weight_decay);
            fixed (IntPtr* p = handles)
            {
                return NativeMethods.mnas_adamw_new(p, handles.Length, lr, beta1, beta2, eps, weight_decay, amsgrad ? 1 : 0);
            }
        })
    {
    }

    private protected override int StateSlots => 3;
}
