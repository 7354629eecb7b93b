using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay (PyTorch's SGD).</summary>
public sealed class SGD : Optimizer
{
    public unsafe SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
        bool nesterov = false)
        : base(parameters, handles =>
        {
            Validate(lr, momentum, dampening, weight_decay, nesterov);
            fixed (IntPtr* p = handles)
            {
                return NativeMethods.mnas_sgd_new(p, handles.Length, lr, momentum, dampening, weight_decay, nesterov ? 1 : 0);
            }
        })
    {
    }

    private static void Validate(double lr, double momentum, double dampening, double weightDecay, bool nesterov)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0 and zero dampening", nameof(nesterov));
        }
    }

    private protected override int StateSlots => 1;
}
