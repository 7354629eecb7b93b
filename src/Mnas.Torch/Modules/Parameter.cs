using Mnas.Torch.Interop;

namespace Mnas.Torch.Modules;

/// <summary>A trainable tensor owned by a module; it belongs to no dispose scope.</summary>
public sealed class Parameter : Tensor
{
    public Parameter(Tensor data, bool requires_grad = true) : base(NativeMethods.mnas_detach(data.Handle), scoped: false) =>
        this.requires_grad = requires_grad;
}
