namespace Mnas.Torch;

/// <summary>How a loss reduces over the batch; the values are libtorch's own.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}
