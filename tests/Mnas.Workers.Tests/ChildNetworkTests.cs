using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Tests;

public class ChildNetworkTests
{
    [Fact]
    public void mobilenet_v2_has_torchvisions_3504872_parameters()
    {
        using var model = new ChildNetwork(BuiltinArchitectures.MobileNetV2);
        Assert.Equal(3_504_872, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void mnasnet_a1_has_about_3_9_million_parameters()
    {
        using var model = new ChildNetwork(BuiltinArchitectures.MnasNetA1);
        Assert.InRange(model.parameters().Sum(p => p.numel()), 3_800_000, 4_000_000);
    }

    public static TheoryData<string> Variants => ["conv", "dwconv", "se", "pooling", "none"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void the_built_network_has_the_parameters_the_cost_analysis_counts(string variant)
    {
        var blocks = BuiltinArchitectures.MnasNetA1.Blocks.Select(b => variant switch
        {
            "conv" => b with { Op = ConvOp.Conv, Expansion = 1 },
            "dwconv" => b with { Op = ConvOp.DepthwiseConv, Expansion = 1, Kernel = 5 },
            "se" => b with { SeRatio = 0.25 },
            "pooling" => b with { Skip = SkipOp.Pooling, Channels = b.Channels + 8 },
            _ => b with { Skip = SkipOp.None },
        }).ToList();
        var arch = BuiltinArchitectures.MnasNetA1 with { Blocks = blocks, Input = new InputShape(1, 28, 28), Classes = 10 };
        using var model = new ChildNetwork(arch);
        Assert.Equal(Mnas.Costs.CostAnalysis.Analyze(arch).Params, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void a_child_maps_images_to_class_logits()
    {
        using var scope = torch.NewDisposeScope();
        var arch = BuiltinArchitectures.MnasNetA1 with { Input = new InputShape(1, 32, 32), Classes = 10 };
        using var model = new ChildNetwork(arch);
        model.eval();
        var logits = model.forward(torch.randn(2, 1, 32, 32));
        Assert.Equal(new long[] { 2, 10 }, logits.shape);
    }
}
