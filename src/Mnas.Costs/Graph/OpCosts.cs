namespace Mnas.Costs.Graph;

/// <summary>
/// Parameter and multiply-add counts per operator, counted the way torchvision-style analyses
/// count them: a convolution costs Cout·Hout·Wout·(Cin/groups)·k² multiply-adds, a linear layer
/// in·out; BatchNorm, activations, sigmoid, add, multiply and pooling cost none. BatchNorm has two
/// parameters per channel (weight and bias); its running mean and variance are buffers, not counted.
/// </summary>
public static class OpCosts
{
    public static long ConvParams(int inChannels, int outChannels, int kernel, int groups, bool bias) =>
        (long)outChannels * (inChannels / groups) * kernel * kernel + (bias ? outChannels : 0);

    public static long ConvMacs(TensorShape output, int inChannels, int kernel, int groups) =>
        output.Elements * (inChannels / groups) * kernel * kernel;

    public static long BatchNormParams(int channels) => 2L * channels;

    public static long LinearParams(int inFeatures, int outFeatures) => (long)inFeatures * outFeatures + outFeatures;

    public static long LinearMacs(int inFeatures, int outFeatures) => (long)inFeatures * outFeatures;
}
