namespace Mnas.Torch.Interop;

// These mirror the operation codes in the shim's tensor_math.cpp.
internal enum UnaryOp
{
    Neg, Abs, Exp, Log, Sqrt, Relu, Relu6, Hardswish, Sigmoid, Tanh, Hardsigmoid, Silu, Square,
}

internal enum BinaryOp
{
    Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge,
}
