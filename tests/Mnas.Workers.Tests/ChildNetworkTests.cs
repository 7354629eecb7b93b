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
