using Mnas.Costs;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Supernet;
using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>
/// FBNet's grouped candidates in a supernet whose channels they do not always divide: stem 8, then positions 8→12
/// stride 2, 12→18 and 18→18, over k3_e1, k3_e1_g2, k3_e3_g4 and skip. Two groups divide every position's channels,
/// four only the first's; skip fits only the last.
/// </summary>
public class GroupedCandidateTests
{
    private static readonly Architecture Frame = new(
        "grouped-frame", new InputShape(1, SyntheticData.Side, SyntheticData.Side), SyntheticData.Classes, StemChannels: 8, StemStride: 1,
        Blocks:
        [
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 12, 1, 2),
            new(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 18, 2, 1),
        ],
        HeadChannels: 32, Activation: Activation.ReLU, Dropout: 0.0);

    private const int Plain = 0, TwoGroups = 1, FourGroups = 2, Skip = 3;

    private static SupernetSpace Space() => new(Frame, new[] { "k3_e1", "k3_e1_g2", "k3_e3_g4", "skip" }.Select(SupernetCandidate.Parse).ToList());

    [Fact]
    public void a_grouped_candidate_is_offered_only_where_its_groups_divide_the_channels()
    {
        var space = Space();

        Assert.Equal([(8, 12, 2), (12, 18, 1), (18, 18, 1)], space.Positions.Select(p => (p.InChannels, p.OutChannels, p.Stride)));
        Assert.Equal([true, true, true], space.Positions.Select(p => space.Offers(p.Index, TwoGroups)));
        Assert.Equal([true, false, false], space.Positions.Select(p => space.Offers(p.Index, FourGroups)));
        Assert.Equal([false, false, true], space.Positions.Select(p => space.Offers(p.Index, Skip)));
        var unavailable = (float)SupernetSpace.Unavailable;
        Assert.Equal(
            [0f, 0f, 0f, unavailable, 0f, 0f, unavailable, unavailable, 0f, 0f, unavailable, 0f],
            space.Mask().data<float>());
    }

    [Fact]
    public void a_candidates_layer_carries_its_groups_and_there_is_none_where_it_is_not_offered()
    {
        var space = Space();

        Assert.Equal([2, 2, 2], space.Positions.Select(p => space.Config(p.Index, TwoGroups)!.Groups));
        Assert.Equal(4, space.Config(0, FourGroups)!.Groups);
        Assert.Null(space.Config(1, FourGroups));
        Assert.Null(space.Config(2, FourGroups));
        Assert.Equal([1, 1, 1], space.Positions.Select(p => space.Config(p.Index, Plain)!.Groups));
    }

    [Fact]
    public void the_architectures_timed_for_the_table_are_valid_and_hold_a_grouped_candidate_ungrouped_where_it_is_not_offered()
    {
        var space = Space();
        var uniform = space.CandidateArchitectures().ToList();

        Assert.All(uniform, a => Assert.Empty(ArchitectureValidator.Instance.Validate(a)));
        Assert.Equal([1, 1, 1], uniform[Plain].Blocks.Select(b => b.Groups));
        Assert.Equal([2, 2, 2], uniform[TwoGroups].Blocks.Select(b => b.Groups));
        Assert.Equal([4, 1, 1], uniform[FourGroups].Blocks.Select(b => b.Groups));

        var table = new LatencyTable("cpu", 1);
        LatencyLookup.Fill(table, uniform, new LatencyOptions { Warmup = 1, Runs = 3, Threads = 1 });
        using var latency = SupernetLatency.From(space, table);
        var entries = latency.Entries;
        Assert.True(entries[FourGroups] > 0, "k3_e3_g4 is timed where it is offered");
        Assert.Equal([0f, 0f], new[] { entries[(1 * 4) + FourGroups], entries[(2 * 4) + FourGroups] });
        Assert.All(space.Positions, p => Assert.True(entries[(p.Index * 4) + TwoGroups] > 0));
    }

    [Fact]
    public void a_space_with_a_position_that_offers_no_candidate_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new SupernetSpace(Frame, [SupernetCandidate.Parse("k3_e3_g4"), SupernetCandidate.Parse("skip")]));

        Assert.StartsWith("candidates: position 1 (12 → 18 channels, stride 1) offers none of them", e.Message);
    }

    [Fact]
    public void a_choice_of_a_grouped_candidate_where_it_is_not_offered_is_refused()
    {
        var space = Space();

        var e = Assert.Throws<ArgumentException>(() => space.ToArchitecture([Plain, FourGroups, Plain]));

        Assert.StartsWith($"choices[1]: position 1 does not offer candidate {FourGroups}", e.Message);
    }

    [Fact]
    public void the_supernet_holds_a_grouped_candidate_only_where_it_is_offered_and_runs_channels_last()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(6);
        var space = Space();
        using var network = new SupernetNetwork(space);
        network.to(torch.channels_last);
        var names = network.named_parameters().Select(p => p.Name).ToList();

        Assert.Contains(names, n => n.StartsWith($"layer0.candidate{FourGroups}.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith($"layer1.candidate{FourGroups}.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith($"layer2.candidate{FourGroups}.", StringComparison.Ordinal));

        // Every offered candidate at once, with equal weights: softmax of the mask.
        var weights = space.Mask().softmax(1);
        var logits = network.forward(torch.randn(2, 1, SyntheticData.Side, SyntheticData.Side).contiguous(torch.channels_last), weights);
        Assert.Equal(new long[] { 2, SyntheticData.Classes }, logits.shape);
        Assert.All(logits.data<float>(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void a_child_drawn_with_grouped_candidates_is_an_ordinary_child_that_trains_and_is_measured()
    {
        var space = Space();
        var drawn = space.ToArchitecture([FourGroups, TwoGroups, Skip]);

        Assert.Equal("k3_e3_g4-k3_e1_g2-skip", drawn.Name);
        Assert.Equal([4, 2], drawn.Blocks.Select(b => b.Groups));
        var child = ArchitectureFile.FromJson(ArchitectureFile.ToJson(drawn));
        Assert.Equal(drawn, child);
        using (var model = new ChildNetwork(child))
        {
            Assert.Equal(CostAnalysis.Analyze(child).Params, model.parameters().Sum(p => p.numel()));
        }

        var report = ChildTrainer.Train(child, new SyntheticData(64, 32, 32), new TrainingOptions { Epochs = 1, LearningRate = 0.05, Seed = 1, Threads = 2 });
        var measured = LatencyMeter.Measure(child, new LatencyOptions { Warmup = 1, Runs = 3, Threads = 1 });

        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.True(measured.MedianMs > 0);
    }
}
