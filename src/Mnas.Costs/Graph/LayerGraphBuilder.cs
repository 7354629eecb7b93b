namespace Mnas.Costs.Graph;

/// <summary>Appends operators in execution order, working out each one's shape, parameters and multiply-adds.</summary>
internal sealed class LayerGraphBuilder
{
    private readonly List<OpNode> nodes = [];

    public IReadOnlyList<OpNode> Nodes => nodes;

    public int Count => nodes.Count;

    public TensorShape Shape(int id) => nodes[id].Output;

    public int Input(TensorShape shape) => Append("input", OpKind.Input, shape, 0, 0);

    /// <summary>A dense (<paramref name="groups"/> = 1) or group convolution; groups must divide both channel counts.</summary>
    public int Conv(string name, int input, int outChannels, int kernel, int stride, bool bias = false, int groups = 1)
    {
        var x = Shape(input);
        if (groups < 1 || x.Channels % groups != 0 || outChannels % groups != 0)
        {
            throw new InvalidOperationException($"{name}: {groups} groups do not divide {x.Channels} → {outChannels} channels");
        }
        var output = new TensorShape(outChannels, SpatialSize.Convolution(x.Height, kernel, stride), SpatialSize.Convolution(x.Width, kernel, stride));
        return Append(name, OpKind.Conv, output,
            OpCosts.ConvParams(x.Channels, outChannels, kernel, groups, bias), OpCosts.ConvMacs(output, x.Channels, kernel, groups), input);
    }

    public int DepthwiseConv(string name, int input, int kernel, int stride)
    {
        var x = Shape(input);
        var output = x with { Height = SpatialSize.Convolution(x.Height, kernel, stride), Width = SpatialSize.Convolution(x.Width, kernel, stride) };
        return Append(name, OpKind.DepthwiseConv, output,
            OpCosts.ConvParams(x.Channels, x.Channels, kernel, x.Channels, false), OpCosts.ConvMacs(output, x.Channels, kernel, x.Channels), input);
    }

    public int BatchNorm(string name, int input) =>
        Append(name, OpKind.BatchNorm, Shape(input), OpCosts.BatchNormParams(Shape(input).Channels), 0, input);

    public int Activation(string name, int input) => Append(name, OpKind.Activation, Shape(input), 0, 0, input);

    public int Sigmoid(string name, int input) => Append(name, OpKind.Sigmoid, Shape(input), 0, 0, input);

    public int Add(string name, int left, int right)
    {
        if (Shape(left) != Shape(right))
        {
            throw new InvalidOperationException($"{name}: cannot add {Shape(left)} to {Shape(right)}");
        }
        return Append(name, OpKind.Add, Shape(left), 0, 0, left, right);
    }

    public int Mul(string name, int input, int gate)
    {
        if (Shape(gate) != new TensorShape(Shape(input).Channels, 1, 1))
        {
            throw new InvalidOperationException($"{name}: cannot scale {Shape(input)} by {Shape(gate)}");
        }
        return Append(name, OpKind.Mul, Shape(input), 0, 0, input, gate);
    }

    public int AvgPool(string name, int input, int stride)
    {
        var x = Shape(input);
        var output = x with { Height = SpatialSize.CeilPool(x.Height, stride), Width = SpatialSize.CeilPool(x.Width, stride) };
        return Append(name, OpKind.AvgPool, output, 0, 0, input);
    }

    public int GlobalAvgPool(string name, int input) =>
        Append(name, OpKind.GlobalAvgPool, new TensorShape(Shape(input).Channels, 1, 1), 0, 0, input);

    public int Linear(string name, int input, int outFeatures)
    {
        var x = Shape(input);
        if (x.Height != 1 || x.Width != 1)
        {
            throw new InvalidOperationException($"{name}: the linear layer expects a pooled C×1×1 input, got {x}");
        }
        return Append(name, OpKind.Linear, new TensorShape(outFeatures, 1, 1),
            OpCosts.LinearParams(x.Channels, outFeatures), OpCosts.LinearMacs(x.Channels, outFeatures), input);
    }

    /// <summary>Convolution without bias, BatchNorm, and the activation unless <paramref name="activate"/> is false.</summary>
    public int ConvBn(string prefix, int input, int outChannels, int kernel, int stride, bool activate, int groups = 1)
    {
        var conv = Conv($"{prefix}.conv", input, outChannels, kernel, stride, groups: groups);
        var bn = BatchNorm($"{prefix}.bn", conv);
        return activate ? Activation($"{prefix}.act", bn) : bn;
    }

    /// <summary>Depthwise convolution, BatchNorm, activation.</summary>
    public int DepthwiseBnAct(string prefix, int input, int kernel, int stride) =>
        Activation($"{prefix}.act", BatchNorm($"{prefix}.bn", DepthwiseConv($"{prefix}.conv", input, kernel, stride)));

    private int Append(string name, OpKind kind, TensorShape output, long parameters, long macs, params int[] inputs)
    {
        var node = new OpNode(nodes.Count, name, kind, Array.AsReadOnly(inputs), output, parameters, macs);
        nodes.Add(node);
        return node.Id;
    }
}
