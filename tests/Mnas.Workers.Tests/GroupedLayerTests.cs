using Mnas.Costs;
using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public class GroupedLayerTests
{
    /// <summary>
    /// A child for the toy task's 1×16×16 images with FBNet's grouped layers: k3_e1_g2 (8→16, stride 2), two k5_e3_g4
    /// (16→16, identity) and an ungrouped k3_e6 (16→24, stride 2).
    /// </summary>
    internal static readonly Architecture GroupedChild = new(
        "grouped", new InputShape(1, SyntheticData.Side, SyntheticData.Side), SyntheticData.Classes, StemChannels: 8, StemStride: 1,
        Blocks:
        [
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 1, 2, Groups: 2),
            new(ConvOp.MBConv, 3, 5, 0, SkipOp.Identity, 16, 2, 1, Groups: 4),
            new(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 24, 1, 2),
        ],
        HeadChannels: 32, Activation: Activation.ReLU, Dropout: 0.0);

    [Theory]
    [InlineData(2, new long[] { 0, 3, 1, 4, 2, 5 })]
    [InlineData(3, new long[] { 0, 2, 4, 1, 3, 5 })]
    [InlineData(6, new long[] { 0, 1, 2, 3, 4, 5 })]
    public void channel_shuffle_puts_input_channel_i_c_plus_j_at_output_channel_j_g_plus_i(int groups, long[] source)
    {
        using var scope = torch.NewDisposeScope();
        // Every value says where it came from: 100·n + 10·channel + pixel.
        var values = new float[2 * 6 * 2 * 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (100 * (i / 24)) + (10 * (i / 4 % 6)) + (i % 4);
        }
        var input = torch.tensor(values, [2, 6, 2, 2]);
        using var shuffle = new ChannelShuffle(groups);

        var output = shuffle.forward(input);
        var fromChannelsLast = shuffle.forward(input.contiguous(torch.channels_last));

        Assert.Equal(new long[] { 2, 6, 2, 2 }, output.shape);
        var expected = new float[values.Length];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (100 * (i / 24)) + (10 * source[i / 4 % 6]) + (i % 4);
        }
        Assert.Equal(expected, output.data<float>());
        Assert.Equal(expected, fromChannelsLast.data<float>());
        Assert.True(fromChannelsLast.is_contiguous(MemoryFormat.ChannelsLast), "a channels-last input stays channels-last");
    }

    [Fact]
    public void shuffling_by_g_then_by_c_over_g_gives_the_input_back()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        var input = torch.randn(3, 12, 4, 5).contiguous(torch.channels_last);
        using var byThree = new ChannelShuffle(3);
        using var byFour = new ChannelShuffle(4);

        Assert.Equal(input.data<float>(), byFour.forward(byThree.forward(input)).data<float>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void a_grouped_1x1_convolution_is_two_convolutions_over_the_channel_halves(bool channelsLast)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var conv = new Conv2d(8, 6, 1, groups: 2, bias: false);
        var x = torch.randn(2, 8, 5, 5);
        if (channelsLast)
        {
            conv.to(torch.channels_last);
            x = x.contiguous(torch.channels_last);
        }

        var whole = conv.forward(x);
        var first = torch.nn.functional.conv2d(x.narrow(1, 0, 4), conv.weight.narrow(0, 0, 3));
        var second = torch.nn.functional.conv2d(x.narrow(1, 4, 4), conv.weight.narrow(0, 3, 3));

        Assert.Equal(new long[] { 6, 4, 1, 1 }, conv.weight.shape);
        Assert.True(whole.allclose(torch.cat([first, second], 1), rtol: 1e-5, atol: 1e-6));
        Assert.Equal(channelsLast, whole.is_contiguous(MemoryFormat.ChannelsLast) && !whole.is_contiguous());
    }

    [Fact]
    public void a_grouped_layer_has_the_parameters_the_cost_analysis_counts_in_the_modules_it_names()
    {
        var graph = LayerGraph.FromArchitecture(GroupedChild);
        foreach (var layer in graph.Layers)
        {
            using var module = new ChildLayer(layer.Config);
            Assert.Equal(layer.Params, module.parameters().Sum(p => p.numel()));
        }
        using var grouped = new ChildLayer(graph.Layers[0].Config);
        var shapes = grouped.named_parameters().Where(p => p.Name.EndsWith(".conv.weight", StringComparison.Ordinal))
            .ToDictionary(p => p.Name, p => p.Parameter.shape);
        Assert.Equal(["body.expand.conv.weight", "body.depthwise.conv.weight", "body.project.conv.weight"], shapes.Keys);
        Assert.Equal(new long[] { 8, 4, 1, 1 }, shapes["body.expand.conv.weight"]);
        Assert.Equal(new long[] { 16, 4, 1, 1 }, shapes["body.project.conv.weight"]);

        using var child = new ChildNetwork(GroupedChild);
        Assert.Equal(CostAnalysis.Analyze(GroupedChild).Params, child.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void a_grouped_layer_keeps_the_channels_last_layout_through_to_its_output()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var config = LayerGraph.FromArchitecture(GroupedChild).Layers[1].Config;
        using var layer = new ChildLayer(config);
        layer.eval();
        var input = torch.randn(2, 16, 8, 8);
        var expected = layer.forward(input);

        layer.to(torch.channels_last);
        var output = layer.forward(input.contiguous(torch.channels_last));

        Assert.Equal(new long[] { 2, 16, 8, 8 }, output.shape);
        Assert.True(output.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.True(output.allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void a_layer_whose_groups_do_not_divide_its_channels_is_refused()
    {
        var config = new LayerConfig(ConvOp.MBConv, 1, 3, 0, LayerShortcut.None, 8, 12, 1, 8, 8, Activation.ReLU, Groups: 8);
        var e = Assert.Throws<ArgumentException>(() => new ChildLayer(config));
        Assert.Contains("8 groups", e.Message);
    }

    [Fact]
    public void a_child_with_grouped_layers_trains_and_its_grouped_weights_move()
    {
        torch.manual_seed(5);
        using var model = new ChildNetwork(GroupedChild);
        model.to(torch.channels_last);
        using var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9);
        using var noise = torch.randn(16, 1, SyntheticData.Side, SyntheticData.Side);
        using var images = noise.to(torch.channels_last);
        using var labels = torch.randint(SyntheticData.Classes, [16]);
        var expand = model.named_parameters().Single(p => p.Name == "layers.b0_l0.body.expand.conv.weight").Parameter;
        var before = expand.data<float>();

        var first = TrainingStep.Run(model, optimizer, images, labels);
        var last = first;
        for (var i = 0; i < 20; i++)
        {
            last = TrainingStep.Run(model, optimizer, images, labels);
        }

        Assert.NotEqual(before, expand.data<float>());
        Assert.True(last < first, $"loss went from {first} to {last}");

        var report = ChildTrainer.Train(GroupedChild, new SyntheticData(64, 32, 32),
            new TrainingOptions { Epochs = 1, LearningRate = 0.05, Seed = 1, Threads = 2 });
        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.True(double.IsFinite(report.Epochs[0].TrainLoss));
    }

    [Fact]
    public void a_child_with_grouped_layers_is_measured_and_its_layers_timed_under_their_own_keys()
    {
        var options = new LatencyOptions { Warmup = 1, Runs = 3, Threads = 1 };

        var measured = LatencyMeter.Measure(GroupedChild, options);
        var table = new LatencyTable("cpu", 1);
        var added = LatencyLookup.Fill(table, [GroupedChild], options);

        Assert.True(measured.MedianMs > 0);
        Assert.Equal(5, added); // stem, k3_e1_g2, k5_e3_g4 at the block's first layer and at its repeat (one key), k3_e6, head
        Assert.Contains("mbconv-e1-g2-k3-se0-none-8to16-s2-16x16-relu", table.Entries.Keys);
        Assert.Contains("mbconv-e3-g4-k5-se0-identity-16to16-s1-8x8-relu", table.Entries.Keys);
        Assert.True(LatencyLookup.Estimate(table, GroupedChild) > 0);
    }
}
