using Mnas.Torch.Interop;

namespace Mnas.Torch.Optim;

/// <summary>
/// RMSprop (PyTorch's): each gradient divided by the root of a running average of its squares (decay <c>alpha</c>), with
/// optional L2 weight decay added to the gradient, momentum, and centring (the running mean's square subtracted first).
/// </summary>
public sealed class RMSprop : Optimizer
{
    public unsafe RMSprop(IEnumerable<Tensor> parameters, double lr, double alpha = 0.99, double eps = 1e-8, double weight_decay = 0,
        double momentum = 0, bool centered = false)
        : base(parameters, handles =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(lr);
            ArgumentOutOfRangeException.ThrowIfNegative(alpha);
            ArgumentOutOfRangeException.ThrowIfNegative(eps);
            ArgumentOutOfRangeException.ThrowIfNegative(weight_decay);
            ArgumentOutOfRangeException.ThrowIfNegative(momentum);
            fixed (IntPtr* p = handles)
            {
                return NativeMethods.mnas_rmsprop_new(p, handles.Length, lr, alpha, eps, weight_decay, momentum, centered ? 1 : 0);
            }
        })
    {
    }

    /// <summary>The square average, the momentum buffer (with momentum) and the gradient average (centred).</summary>
    private protected override int StateSlots => 3;
}
