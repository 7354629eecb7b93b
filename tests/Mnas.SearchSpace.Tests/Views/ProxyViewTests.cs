using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;

namespace Mnas.SearchSpace.Tests.Views;

public class ProxyViewTests
{
    private static readonly Architecture MobileNetV2 = BuiltinArchitectures.MobileNetV2;

    private static int[] Strides(Architecture architecture) => [architecture.StemStride, .. architecture.Blocks.Select(b => b.Stride)];

    [Fact]
    public void at_28x28_the_stems_stride_is_dropped()
    {
        // 28 →(stem 2) 14 → 7 → 4 → 2 → 1 is below 2×2; with the stem at 1: 28 → 14 → 7 → 4 → 2.
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(1, 28, 28), 10);

        Assert.Equal([1, 1, 2, 2, 2, 1, 2, 1], Strides(proxy));
        Assert.Equal(2, ArchitectureViews.FinalSize(28, Strides(proxy)));
    }

    [Fact]
    public void at_32x32_the_stems_stride_is_dropped()
    {
        // 32 → 16 → 8 → 4 → 2 → 1 is below 2×2; with the stem at 1: 32 → 16 → 8 → 4 → 2.
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(3, 32, 32), 10);

        Assert.Equal([1, 1, 2, 2, 2, 1, 2, 1], Strides(proxy));
        Assert.Equal(2, ArchitectureViews.FinalSize(32, Strides(proxy)));
    }

    [Fact]
    public void at_224x224_no_stride_changes()
    {
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(3, 224, 224), 100);

        Assert.Equal([2, 1, 2, 2, 2, 1, 2, 1], Strides(proxy));
        Assert.Equal(7, ArchitectureViews.FinalSize(224, Strides(proxy)));
        Assert.Equal(MobileNetV2 with { Classes = 100 }, proxy);
    }

    [Fact]
    public void at_8x8_the_three_earliest_strides_are_dropped()
    {
        // Five stride-2 layers; 8 → 4 → 2 leaves room for two, so the stem, block 2 and block 3 go to 1.
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(1, 8, 8), 10);

        Assert.Equal([1, 1, 1, 1, 2, 1, 2, 1], Strides(proxy));
    }

    [Fact]
    public void the_smaller_side_decides_for_a_non_square_input()
    {
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(3, 224, 28), 10);

        Assert.Equal([1, 1, 2, 2, 2, 1, 2, 1], Strides(proxy));
    }

    [Fact]
    public void an_input_too_small_for_any_stride_gets_none()
    {
        var proxy = ArchitectureViews.Proxy(MobileNetV2, new InputShape(1, 1, 1), 2);

        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1], Strides(proxy));
    }

    [Fact]
    public void the_proxy_takes_the_datasets_shape_and_classes_and_keeps_the_rest()
    {
        var proxy = ArchitectureViews.Proxy(BuiltinArchitectures.MnasNetA1, new InputShape(1, 28, 28), 10);

        Assert.Equal(new InputShape(1, 28, 28), proxy.Input);
        Assert.Equal(10, proxy.Classes);
        Assert.Equal("mnasnet_a1", proxy.Name);
        Assert.Equal(BuiltinArchitectures.MnasNetA1.Blocks.Select(b => b with { Stride = 0 }), proxy.Blocks.Select(b => b with { Stride = 0 }));
        Assert.Equal(BuiltinArchitectures.MnasNetA1.HeadChannels, proxy.HeadChannels);
    }

    [Fact]
    public void the_target_view_is_the_architecture_itself()
    {
        Assert.Same(MobileNetV2, ArchitectureViews.Target(MobileNetV2));
    }
}
