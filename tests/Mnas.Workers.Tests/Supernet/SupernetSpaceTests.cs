using Mnas.SearchSpace.Supernet;
using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SupernetSpaceTests
{
    [Fact]
    public void every_layer_of_the_frame_is_a_position_and_skip_is_offered_only_where_shapes_match()
    {
        var space = TinySupernet.Space();
        var skip = TinySupernet.Index(space, "skip");

        Assert.Equal([(8, 16, 2), (16, 16, 1), (16, 16, 1)], space.Positions.Select(p => (p.InChannels, p.OutChannels, p.Stride)));
        Assert.Equal([false, true, true], space.Positions.Select(p => space.Offers(p.Index, skip)));
        Assert.All(space.Positions, p => Assert.Null(space.Config(p.Index, skip)));
        Assert.Equal([0f, (float)SupernetSpace.Unavailable], space.Mask().select(0, 0).data<float>().Distinct().Order().Reverse());
    }

    [Fact]
    public void a_choice_per_position_is_an_architecture_of_single_layer_blocks_without_the_skipped_ones()
    {
        var space = TinySupernet.Space();
        int[] choices = [TinySupernet.Index(space, "k3_e1"), TinySupernet.Index(space, "skip"), TinySupernet.Index(space, "k5_e6")];

        var architecture = space.ToArchitecture(choices);

        Assert.Equal("k3_e1-skip-k5_e6", architecture.Name);
        Assert.Equal(
            [new BlockSpec(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 1, 2), new BlockSpec(ConvOp.MBConv, 6, 5, 0, SkipOp.Identity, 16, 1, 1)],
            architecture.Blocks);
        Assert.Equal((TinySupernet.Frame.StemChannels, TinySupernet.Frame.HeadChannels), (architecture.StemChannels, architecture.HeadChannels));
    }

    [Fact]
    public void each_candidate_at_each_position_is_the_layer_its_child_builds()
    {
        var space = TinySupernet.Space();
        foreach (var candidate in space.Candidates.Where(c => !c.IsSkip))
        {
            var c = TinySupernet.Index(space, candidate.Name);
            var layers = LayerGraph.FromArchitecture(space.ToArchitecture(Enumerable.Repeat(c, space.Positions.Count).ToList())).Layers;
            Assert.Equal(space.Positions.Select(p => space.Config(p.Index, c)), layers.Select(l => (LayerConfig?)l.Config));
        }
    }

    [Fact]
    public void a_position_given_a_candidate_it_does_not_offer_is_refused_by_name()
    {
        var space = TinySupernet.Space();
        var e = Assert.Throws<ArgumentException>(() => space.ToArchitecture([TinySupernet.Index(space, "skip"), 0, 0]));
        Assert.StartsWith($"choices[0]: position 0 does not offer candidate {TinySupernet.Index(space, "skip")}", e.Message);
        Assert.Throws<ArgumentException>(() => space.ToArchitecture([0, 0]));
    }

    [Theory]
    [InlineData("k4_e3", "the kernel must be odd")]
    [InlineData("conv", "none of k<kernel>_e<expansion>")]
    [InlineData("k3_e0", "the expansion at least 1")]
    public void a_candidate_name_that_is_not_a_block_is_refused_saying_why(string name, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => SupernetCandidate.Parse(name));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains(why, e.Message);
    }
}
