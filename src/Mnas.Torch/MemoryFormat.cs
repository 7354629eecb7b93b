namespace Mnas.Torch;

/// <summary>How a 4-D tensor's elements are laid out; the values are libtorch's own.</summary>
public enum MemoryFormat
{
    Contiguous = 0,
    Preserve = 1,
    ChannelsLast = 2,
}
