using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Space;

public class FreezeTests
{
    private static readonly ModelSpace Default = new(new CampaignSpec());

    private static Architecture Freeze(string width = "1.0", string layers = "0", string kernel = "3", string se = "0.0", string skip = "identity", Func<int, string>? op = null) =>
        Default.Freeze(Default.Parse(SampleText.Uniform(op ?? (_ => "mbconv6"), kernel, se, skip, width, layers)));

    [Fact]
    public void width_075_rounds_each_blocks_channels_by_mobilenet_v2s_rule()
    {
        // 16·0.75 = 12 → 16; 24·0.75 = 18 → 16 < 16.2 → 24; 32 → 24; 64 → 48; 96 → 72; 160 → 120; 320 → 240
        Assert.Equal([16, 24, 24, 48, 72, 120, 240], Freeze(width: "0.75").Blocks.Select(b => b.Channels));
    }

    [Fact]
    public void width_125_rounds_each_blocks_channels_by_mobilenet_v2s_rule()
    {
        // 16·1.25 = 20 → 24; 24·1.25 = 30 → 32; 40; 80; 120; 200; 400
        Assert.Equal([24, 32, 40, 80, 120, 200, 400], Freeze(width: "1.25").Blocks.Select(b => b.Channels));
    }

    [Fact]
    public void width_1_keeps_the_skeletons_channels()
    {
        Assert.Equal([16, 24, 32, 64, 96, 160, 320], Freeze().Blocks.Select(b => b.Channels));
    }

    [Fact]
    public void a_layer_delta_adds_to_the_base_count_but_never_below_one()
    {
        // base layers 1, 2, 3, 4, 3, 3, 1
        Assert.Equal([1, 1, 2, 3, 2, 2, 1], Freeze(layers: "-1").Blocks.Select(b => b.Layers));
        Assert.Equal([2, 3, 4, 5, 4, 4, 2], Freeze(layers: "+1").Blocks.Select(b => b.Layers));
    }

    [Fact]
    public void strides_come_from_the_skeleton()
    {
        var architecture = Freeze(layers: "+1", width: "0.75");

        Assert.Equal(2, architecture.StemStride);
        Assert.Equal([1, 2, 2, 2, 1, 2, 1], architecture.Blocks.Select(b => b.Stride));
    }

    [Fact]
    public void each_op_name_sets_the_op_and_its_expansion()
    {
        string[] names = ["conv", "dwconv", "mbconv1", "mbconv3", "mbconv6", "conv", "mbconv3"];

        var blocks = Freeze(op: b => names[b - 1]).Blocks;

        Assert.Equal([ConvOp.Conv, ConvOp.DepthwiseConv, ConvOp.MBConv, ConvOp.MBConv, ConvOp.MBConv, ConvOp.Conv, ConvOp.MBConv], blocks.Select(b => b.Op));
        Assert.Equal([1, 1, 1, 3, 6, 1, 3], blocks.Select(b => b.Expansion));
    }

    [Fact]
    public void kernel_se_and_skip_are_copied()
    {
        var block = Freeze(kernel: "5", se: "0.25", skip: "pooling").Blocks[3];

        Assert.Equal(new BlockSpec(ConvOp.MBConv, 6, 5, 0.25, SkipOp.Pooling, 64, 4, 2), block);
    }

    [Fact]
    public void stem_head_target_and_name_come_from_the_spec_and_the_sample()
    {
        var spec = new CampaignSpec { Target = new TargetSpec { Input = new InputShape(1, 28, 28), Classes = 10 }, Skeleton = new SkeletonSpec { Dropout = 0.3 } };
        var space = new ModelSpace(spec);
        var sample = space.Random(new Random(8));

        var architecture = space.Freeze(sample);

        Assert.Equal(sample.Canonical, architecture.Name);
        Assert.Equal(new InputShape(1, 28, 28), architecture.Input);
        Assert.Equal(10, architecture.Classes);
        Assert.Equal(32, architecture.StemChannels);
        Assert.Equal(1280, architecture.HeadChannels);
        Assert.Equal(Activation.ReLU, architecture.Activation);
        Assert.Equal(0.3, architecture.Dropout);
    }

    [Fact]
    public void mobilenet_v2s_choices_freeze_to_mobilenet_v2_but_for_name_and_activation()
    {
        var architecture = Freeze(op: b => b == 1 ? "mbconv1" : "mbconv6");

        Assert.Equal(Activation.ReLU, architecture.Activation);
        Assert.Equal(BuiltinArchitectures.MobileNetV2, architecture with { Name = "mobilenet_v2", Activation = Activation.ReLU6 });
    }

    [Fact]
    public void with_relu6_in_the_skeleton_they_freeze_to_exactly_mobilenet_v2()
    {
        var space = new ModelSpace(new CampaignSpec { Skeleton = new SkeletonSpec { Activation = "relu6" } });

        var architecture = space.Freeze(space.Parse(SampleText.Uniform(b => b == 1 ? "mbconv1" : "mbconv6")));

        Assert.Equal(BuiltinArchitectures.MobileNetV2 with { Name = architecture.Name }, architecture);
    }

    [Fact]
    public void every_frozen_sample_is_a_valid_architecture()
    {
        var rng = new Random(12);
        for (var i = 0; i < 200; i++)
        {
            Assert.Empty(ArchitectureValidator.Instance.Validate(Default.Freeze(Default.Random(rng))));
        }
    }

    [Fact]
    public void a_sample_missing_decisions_of_this_space_is_rejected_naming_them()
    {
        var sixBlocks = new ModelSpace(new CampaignSpec { Skeleton = new SkeletonSpec { Blocks = new SkeletonSpec().Blocks.Take(6).ToArray() } });

        var error = Assert.Throws<ArgumentException>(() => Default.Freeze(sixBlocks.Random(new Random(1))));

        Assert.StartsWith("the sample does not belong to this space: b7.op: missing choice; b7.kernel: missing choice;", error.Message);
    }

    [Fact]
    public void a_sample_with_an_out_of_range_choice_is_rejected_naming_the_decision()
    {
        var threeKernels = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Kernels = [3, 5, 7] } });
        var sample = threeKernels.Parse(SampleText.Uniform(_ => "mbconv6").Replace("b2.kernel=3", "b2.kernel=7"));

        var error = Assert.Throws<ArgumentException>(() => Default.Freeze(sample));

        Assert.StartsWith("the sample does not belong to this space: b2.kernel: choice index 2 out of range (0..1)", error.Message);
    }

    [Fact]
    public void a_sample_whose_choice_means_something_else_here_is_rejected()
    {
        var reversed = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Kernels = [5, 3] } });
        var sample = reversed.Parse(SampleText.Uniform(_ => "mbconv6"));

        var error = Assert.Throws<ArgumentException>(() => Default.Freeze(sample));

        Assert.Contains("b1.kernel: choice 1 is '5' in this space, not '3'", error.Message);
    }
}
