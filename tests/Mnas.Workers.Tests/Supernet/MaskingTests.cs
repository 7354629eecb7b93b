using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class MaskingTests
{
    [Fact]
    public void a_one_hot_channel_mask_on_the_widest_conv_is_the_narrower_conv_with_the_same_filters()
    {
        torch.manual_seed(21);
        using var wide = new Conv2d(3, 8, 3, padding: 1);
        using var narrow = new Conv2d(3, 5, 3, padding: 1);
        using (torch.no_grad())
        {
            narrow.weight.copy_(wide.weight.narrow(0, 0, 5));
            narrow.bias!.copy_(wide.bias!.narrow(0, 0, 5));
        }
        using var masking = new ChannelMasking(8, [2, 5, 8]);
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([2, 3, 6, 6]);

        var masked = masking.Apply(wide.forward(x), torch.tensor([0f, 1f, 0f]));

        var expected = narrow.forward(x);
        Assert.True((masked.narrow(1, 0, 5) - expected).abs().max().item<float>() < 1e-6, "the first five channels differ from the narrow conv's");
        Assert.Equal(0f, masked.narrow(1, 5, 3).abs().max().item<float>());
    }

    [Fact]
    public void soft_width_weights_scale_each_channel_by_the_weight_of_the_widths_that_keep_it()
    {
        using var masking = new ChannelMasking(8, [2, 4, 8]);
        using var scope = torch.NewDisposeScope();
        var weights = torch.tensor([0.2f, 0.3f, 0.5f]);

        Assert.Equal([1f, 1f, 0.8f, 0.8f, 0.5f, 0.5f, 0.5f, 0.5f], masking.Factor(weights).data<float>().Select(v => MathF.Round(v, 6)));
        Assert.Equal(5.6f, masking.ExpectedWidth(weights).item<float>(), 5);
        Assert.Throws<ArgumentException>(() => new ChannelMasking(8, [2, 9]));
    }

    [Fact]
    public void interspersing_keeps_every_second_pixel_where_it_was_and_zeroes_the_rest()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(1, 17, dtype: ScalarType.Float32).reshape(1, 1, 4, 4);

        var half = ResolutionMasking.Intersperse(x, 2);

        Assert.Equal([1f, 0, 3, 0, 0, 0, 0, 0, 9, 0, 11, 0, 0, 0, 0, 0], half.data<float>());
        Assert.Equal(x.data<float>(), ResolutionMasking.Intersperse(x, 1).data<float>());
    }

    [Fact]
    public void a_side_that_is_not_a_multiple_of_the_factor_keeps_as_many_pixels_as_the_down_sampled_child_has()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.arange(1, 21, dtype: ScalarType.Float32).reshape(1, 1, 5, 4);

        var low = ResolutionMasking.Downsample(x, 2);
        var half = ResolutionMasking.Intersperse(x, 2);

        Assert.Equal([1L, 1, 3, 2], low.shape);
        Assert.Equal([1f, 3, 9, 11, 17, 19], low.contiguous().data<float>());
        Assert.Equal([1L, 1, 5, 4], half.shape);
        Assert.Equal([1f, 0, 3, 0, 0, 0, 0, 0, 9, 0, 11, 0, 0, 0, 0, 0, 17, 0, 19, 0], half.data<float>());
        var e = Assert.Throws<ArgumentException>(() => ResolutionMasking.Spread(low, 2, 7, 4));
        Assert.Contains("3×2 pixels cannot be spread by 2 over 7×4", e.Message);
    }

    [Fact]
    public void a_dilated_conv_on_the_interspersed_input_gives_the_low_resolution_conv_at_the_kept_pixels()
    {
        torch.manual_seed(23);
        using var conv = new Conv2d(2, 3, 3, padding: 1, bias: false);
        using var dilated = new Conv2d(2, 3, 3, padding: 2, dilation: 2, bias: false);
        using (torch.no_grad())
        {
            dilated.weight.copy_(conv.weight);
        }
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([1, 2, 8, 8]);

        var full = dilated.forward(ResolutionMasking.Intersperse(x, 2));
        var low = conv.forward(x.slice(2, 0, 8, 2).slice(3, 0, 8, 2));

        var kept = full.slice(2, 0, 8, 2).slice(3, 0, 8, 2);
        Assert.True((kept - low).abs().max().item<float>() < 1e-5, "the kept pixels differ from the low-resolution conv");
    }

    [Fact]
    public void resolutions_of_weight_zero_are_not_computed_and_the_others_are_mixed_by_their_weights()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones([1, 1, 4, 4]);
        var computed = new List<int>();

        var mixed = ResolutionMasking.Mix(x, [1, 2, 4], torch.tensor([0.25f, 0f, 0.75f]), (input, factor) =>
        {
            computed.Add(factor);
            return input;
        });

        Assert.Equal([1, 4], computed);
        Assert.Equal(1f, mixed.data<float>()[0]);
        Assert.Equal(0.25f, mixed.data<float>()[1]);
    }
}
