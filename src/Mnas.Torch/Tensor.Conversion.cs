using Mnas.Torch.Interop;

namespace Mnas.Torch;

public partial class Tensor
{
    public Tensor to(string device) => new(NativeMethods.mnas_to_device(Handle, device));
    public Tensor to(ScalarType type) => new(NativeMethods.mnas_to_dtype(Handle, (int)type));
    /// <summary>A copy laid out in the given format (the tensor itself when it already is), as PyTorch's <c>to(memory_format=…)</c>.</summary>
    public Tensor to(MemoryFormat format) => new(NativeMethods.mnas_to_memory_format(Handle, (int)format));

    public Tensor contiguous(MemoryFormat format = MemoryFormat.Contiguous) => new(NativeMethods.mnas_contiguous(Handle, (int)format));
    public bool is_contiguous(MemoryFormat format = MemoryFormat.Contiguous) => NativeMethods.mnas_is_contiguous(Handle, (int)format) != 0;
    public Tensor clone() => new(NativeMethods.mnas_clone(Handle));
    public Tensor detach() => new(NativeMethods.mnas_detach(Handle));

    /// <summary>A second handle to the same tensor, owned separately.</summary>
    public Tensor alias() => new(NativeMethods.mnas_alias(Handle));

    public Tensor copy_(Tensor source)
    {
        TorchException.Check(NativeMethods.mnas_copy_(Handle, source.Handle));
        return this;
    }

    public Tensor fill_(double value)
    {
        TorchException.Check(NativeMethods.mnas_fill_(Handle, value));
        return this;
    }

    public Tensor zero_() => fill_(0);

    public Tensor uniform_(double low = 0, double high = 1)
    {
        TorchException.Check(NativeMethods.mnas_uniform_(Handle, low, high));
        return this;
    }

    public Tensor normal_(double mean = 0, double std = 1)
    {
        TorchException.Check(NativeMethods.mnas_normal_(Handle, mean, std));
        return this;
    }
}
