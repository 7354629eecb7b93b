using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class LayerConfigTests
{
    private static readonly LayerGraph MobileNetV2 = LayerGraph.FromArchitecture(BuiltinArchitectures.MobileNetV2);

    [Fact]
    public void mobilenet_v2_has_one_entry_per_block_layer()
    {
        Assert.Equal(17, MobileNetV2.Layers.Count);
        Assert.Equal(
            new[] { "b0.l0", "b1.l0", "b1.l1", "b2.l0", "b2.l1", "b2.l2" },
            MobileNetV2.Layers.Take(6).Select(l => l.Name));
    }

    [Fact]
    public void a_layer_records_its_input_size_channels_stride_and_actual_shortcut()
    {
        Assert.Equal(
            new LayerConfig(ConvOp.MBConv, 6, 3, 0, LayerShortcut.None, 16, 24, 2, 112, 112, Activation.ReLU6),
            MobileNetV2.Layers[1].Config);
        Assert.Equal(
            new LayerConfig(ConvOp.MBConv, 6, 3, 0, LayerShortcut.Identity, 24, 24, 1, 56, 56, Activation.ReLU6),
            MobileNetV2.Layers[2].Config);
    }

    [Fact]
    public void the_key_spells_out_every_field()
    {
        Assert.Equal("mbconv-e1-k3-se0-none-32to16-s1-112x112-relu6", MobileNetV2.Layers[0].Config.Key);
        Assert.Equal("mbconv-e6-k3-se0-identity-24to24-s1-56x56-relu6", MobileNetV2.Layers[2].Config.Key);
        Assert.Equal("mbconv-e6-k3-se0-none-160to320-s1-7x7-relu6", MobileNetV2.Layers[^1].Config.Key);
    }

    [Fact]
    public void repeated_layers_share_one_configuration()
    {
        // Per block: first layer, then the repeats (one config): 1 + 2 + 2 + 2 + 2 + 2 + 1.
        Assert.Equal(12, MobileNetV2.Layers.Select(l => l.Config).Distinct().Count());
        Assert.Equal(12, MobileNetV2.Layers.Select(l => l.Config.Key).Distinct().Count());
        Assert.Equal(MobileNetV2.Layers[4].Config, MobileNetV2.Layers[5].Config);
        Assert.Equal(MobileNetV2.Layers[4].Config.GetHashCode(), MobileNetV2.Layers[5].Config.GetHashCode());
    }

    [Fact]
    public void non_mbconv_ops_record_an_expansion_of_one()
    {
        var graph = LayerGraph.FromArchitecture(TestArchitectures.Make(
            new InputShape(3, 4, 4), 4, 8, new BlockSpec(ConvOp.DepthwiseConv, 6, 5, 0, SkipOp.Identity, 4, 1, 1)));
        Assert.Equal("dwconv-e1-k5-se0-identity-4to4-s1-4x4-relu", graph.Layers[0].Config.Key);
    }

    [Fact]
    public void mnasnet_a1_records_squeeze_sizes_from_the_layer_input()
    {
        var graph = LayerGraph.FromArchitecture(BuiltinArchitectures.MnasNetA1);
        // b2 (40 channels, SE 0.25): first layer reads 24 channels → 6, the repeats read 40 → 10.
        Assert.Equal("mbconv-e3-k5-se6-none-24to40-s2-56x56-relu", graph.Layers[3].Config.Key);
        Assert.Equal(10, graph.Layers[4].Config.SeSqueeze);
        Assert.Equal("dwconv-e1-k3-se0-none-32to16-s1-112x112-relu", graph.Layers[0].Config.Key);
    }
}
