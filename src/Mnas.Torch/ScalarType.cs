namespace Mnas.Torch;

/// <summary>Element types; the values are libtorch's own.</summary>
public enum ScalarType
{
    Byte = 0,
    Int32 = 3,
    Int64 = 4,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
}
