namespace Mnas.SearchSpace.Architectures;

public enum Activation
{
    ReLU,
    ReLU6,
    Hardswish,
}
