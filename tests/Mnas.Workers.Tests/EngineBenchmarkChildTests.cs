using Mnas.Torch;
using Mnas.Workers.Networks;

namespace Mnas.Workers.Tests;

public class EngineBenchmarkChildTests
{
    [Fact]
    public void the_child_has_the_specified_188490_parameters()
    {
        using var model = new EngineBenchmarkChild();
        Assert.Equal(188_490, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void the_child_costs_7_59_million_multiply_adds_per_image()
    {
        // Stem 16·28²·9 = 112,896; with the blocks and the head the convolutions come to 7,583,720
        // (worked out layer by layer), plus 3,200 for the 320→10 classifier.
        Assert.Equal(7_586_920, EngineBenchmarkChild.MultiplyAdds());
    }

    [Fact]
    public void the_child_maps_a_batch_of_images_to_ten_logits_in_either_memory_format()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var model = new EngineBenchmarkChild();
        model.eval();
        var images = torch.randn(4, 1, 28, 28);
        var nchw = model.forward(images);
        Assert.Equal(new long[] { 4, 10 }, nchw.shape);
        model.to(torch.channels_last);
        var channelsLast = model.forward(images.to(torch.channels_last));
        Assert.True(nchw.allclose(channelsLast, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void only_blocks_that_keep_shape_have_a_residual_connection()
    {
        var residual = EngineBenchmarkChild.Blocks.Select(b => b.HasResidual).ToArray();
        Assert.Equal(new[] { true, false, true, false, true, false, true }, residual);
    }

    [Fact]
    public void an_expansion_of_one_has_no_expand_convolution()
    {
        using var plain = new MBConv(new MBConvSpec(16, 16, 3, 1, 1));
        using var expanded = new MBConv(new MBConvSpec(16, 24, 3, 6, 2));
        Assert.DoesNotContain(plain.named_parameters(), p => p.Name.Contains("expand"));
        // 1×1 16→96 (1,536) + BN (192) + depthwise 96·9 (864) + BN (192) + 1×1 96→24 (2,304) + BN (48).
        Assert.Equal(5_136, expanded.parameters().Sum(p => p.numel()));
    }
}
