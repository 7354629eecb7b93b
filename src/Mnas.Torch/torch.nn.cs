using Mnas.Torch.Modules;

namespace Mnas.Torch;

public static partial class torch
{
    /// <summary>Module factories, named as in PyTorch.</summary>
    public static partial class nn
    {
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
            long dilation = 1, long groups = 1, bool bias = true) =>
            new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias);

        public static BatchNorm2d BatchNorm2d(long features, double eps = 1e-5, double? momentum = 0.1) => new(features, eps, momentum);
        public static Linear Linear(long in_features, long out_features, bool bias = true) => new(in_features, out_features, bias);
        public static LSTMCell LSTMCell(long input_size, long hidden_size, bool bias = true) => new(input_size, hidden_size, bias);
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);
        public static Sequential Sequential(params (string, Module<Tensor, Tensor>)[] modules) => new(modules);
        public static ReLU ReLU() => new();
        public static ReLU6 ReLU6() => new();
        public static Hardswish Hardswish() => new();
        public static Sigmoid Sigmoid() => new();
        public static Tanh Tanh() => new();
        public static Dropout Dropout(double p = 0.5) => new(p);
        public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new(output_size);
        public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0) => new(kernel_size, stride, padding);
        public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0) => new(kernel_size, stride, padding);
        public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
    }
}
