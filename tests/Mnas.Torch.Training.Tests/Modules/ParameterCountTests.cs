using Mnas.Torch.Modules;

namespace Mnas.Torch.Training.Tests.Modules;

/// <summary>Parameter counts and shapes as PyTorch gives them, worked out by hand.</summary>
public class ParameterCountTests
{
    private static long Count(Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void conv2d_has_out_times_in_over_groups_times_k_squared_weights_plus_out_biases()
    {
        using var plain = torch.nn.Conv2d(3, 16, 3);
        using var grouped = torch.nn.Conv2d(8, 16, 3, groups: 2);
        using var depthwise = torch.nn.Conv2d(8, 8, 3, groups: 8, bias: false);
        using var pointwise = torch.nn.Conv2d(8, 32, 1);

        Assert.Equal(16 * 3 * 9 + 16, Count(plain)); // 448
        Assert.Equal(16 * 4 * 9 + 16, Count(grouped)); // 592
        Assert.Equal(8 * 1 * 9, Count(depthwise)); // 72
        Assert.Equal(32 * 8 + 32, Count(pointwise)); // 288
        Assert.Equal(new long[] { 16, 4, 3, 3 }, grouped.weight.shape);
        Assert.Equal(new long[] { 8, 1, 3, 3 }, depthwise.weight.shape);
        Assert.Null(depthwise.bias);
    }

    [Fact]
    public void conv2d_rejects_channels_that_do_not_divide_by_groups()
    {
        var error = Assert.Throws<ArgumentException>(() => torch.nn.Conv2d(6, 8, 3, groups: 4));
        Assert.Equal("groups", error.ParamName);
    }

    [Fact]
    public void batchnorm2d_has_a_weight_and_bias_per_channel_and_three_buffers()
    {
        using var bn = torch.nn.BatchNorm2d(16);

        Assert.Equal(32, Count(bn));
        Assert.Equal(new[] { "running_mean", "running_var", "num_batches_tracked" }, bn.named_buffers().Select(b => b.Name));
        Assert.Equal(33, bn.named_buffers().Sum(b => b.Buffer.numel()));
        Assert.Equal(ScalarType.Int64, bn.num_batches_tracked!.dtype);
        Assert.Empty(bn.num_batches_tracked.shape);
        Assert.All(bn.weight!.data<float>(), v => Assert.Equal(1f, v));
        Assert.All(bn.bias!.data<float>(), v => Assert.Equal(0f, v));
        Assert.All(bn.running_mean!.data<float>(), v => Assert.Equal(0f, v));
        Assert.All(bn.running_var!.data<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void linear_has_out_times_in_weights_plus_out_biases()
    {
        using var linear = torch.nn.Linear(10, 5);
        using var noBias = torch.nn.Linear(10, 5, bias: false);

        Assert.Equal(55, Count(linear));
        Assert.Equal(50, Count(noBias));
        Assert.Equal(new long[] { 5, 10 }, linear.weight.shape);
    }

    [Fact]
    public void lstm_cell_has_four_gates_of_input_and_hidden_weights_and_two_bias_vectors()
    {
        using var cell = torch.nn.LSTMCell(10, 20);
        using var noBias = torch.nn.LSTMCell(10, 20, bias: false);

        // 4·20·10 + 4·20·20 + 2·4·20 = 800 + 1600 + 160.
        Assert.Equal(2560, Count(cell));
        Assert.Equal(2400, Count(noBias));
        Assert.Equal(new[] { "weight_ih", "weight_hh", "bias_ih", "bias_hh" }, cell.named_parameters().Select(p => p.Name));
        Assert.Equal(new long[] { 80, 10 }, cell.weight_ih.shape);
        Assert.Equal(new long[] { 80, 20 }, cell.weight_hh.shape);
    }

    [Fact]
    public void a_mobilenet_style_block_counts_every_layer()
    {
        using var net = torch.nn.Sequential(
            torch.nn.Conv2d(3, 16, 3, padding: 1, bias: false), // 432
            torch.nn.BatchNorm2d(16), // 32
            torch.nn.ReLU6(),
            torch.nn.Conv2d(16, 16, 3, padding: 1, groups: 16, bias: false), // 144
            torch.nn.BatchNorm2d(16), // 32
            torch.nn.Hardswish(),
            torch.nn.Conv2d(16, 32, 1, bias: false), // 512
            torch.nn.BatchNorm2d(32), // 64
            torch.nn.AdaptiveAvgPool2d(1),
            torch.nn.Flatten(),
            torch.nn.Linear(32, 10)); // 330

        Assert.Equal(1546, Count(net));
    }

    [Fact]
    public void default_initialisation_stays_within_one_over_root_fan_in()
    {
        using var conv = torch.nn.Conv2d(8, 16, 3, groups: 2); // fan-in 4·9 = 36, bound 1/6
        using var linear = torch.nn.Linear(25, 4); // bound 1/5
        using var cell = torch.nn.LSTMCell(3, 16); // bound 1/4

        Assert.InRange(conv.weight.abs().max().item<float>(), 0.1f, 1 / 6f);
        Assert.InRange(conv.bias!.abs().max().item<float>(), 0f, 1 / 6f);
        Assert.InRange(linear.weight.abs().max().item<float>(), 0.1f, 0.2f);
        Assert.InRange(cell.weight_ih.abs().max().item<float>(), 0.1f, 0.25f);
        Assert.InRange(cell.weight_hh.abs().max().item<float>(), 0.1f, 0.25f);
    }
}
