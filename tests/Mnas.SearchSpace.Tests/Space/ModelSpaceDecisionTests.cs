using System.Numerics;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Space;

public class ModelSpaceDecisionTests
{
    private static readonly ModelSpace Default = new(new CampaignSpec());

    [Fact]
    public void decisions_go_block_by_block_op_kernel_se_skip_width_layers()
    {
        Assert.Equal(42, Default.Decisions.Count);
        Assert.Equal(["b1.op", "b1.kernel", "b1.se", "b1.skip", "b1.width", "b1.layers", "b2.op"], Default.Decisions.Take(7).Select(d => d.Name));
        Assert.Equal("b7.layers", Default.Decisions[^1].Name);
        Assert.Equal(7, Default.Decisions[^1].Block);
        Assert.Equal(DecisionKind.Layers, Default.Decisions[^1].Kind);
    }

    [Fact]
    public void each_decision_displays_its_choices()
    {
        Assert.Equal(["conv", "dwconv", "mbconv1", "mbconv3", "mbconv6"], Default.GetDecision("b3.op").Choices);
        Assert.Equal(["3", "5"], Default.GetDecision("b3.kernel").Choices);
        Assert.Equal(["0.0", "0.25"], Default.GetDecision("b3.se").Choices);
        Assert.Equal(["none", "identity", "pooling"], Default.GetDecision("b3.skip").Choices);
        Assert.Equal(["0.75", "1.0", "1.25"], Default.GetDecision("b3.width").Choices);
        Assert.Equal(["-1", "0", "+1"], Default.GetDecision("b3.layers").Choices);
    }

    [Fact]
    public void the_default_space_has_540_choices_per_block_over_seven_blocks()
    {
        // 5 ops × 2 kernels × 2 SE × 3 skips × 3 widths × 3 layer deltas = 540 per block; 540^7 in all.
        Assert.Equal(BigInteger.Parse("13389252099840000000"), Default.Size);
        Assert.Equal(BigInteger.Pow(540, 7), Default.Size);
    }

    [Fact]
    public void the_size_is_the_product_of_the_choice_counts()
    {
        var spec = new CampaignSpec
        {
            SearchSpace = new SearchSpaceSpec { Ops = ["mbconv6"], Kernels = [3, 5], SeRatios = [0], Skips = ["identity"], Widths = [1.0], LayerDeltas = [0, 1] },
            Skeleton = new SkeletonSpec { Blocks = [new(16, 1, 1), new(24, 2, 2), new(32, 3, 2)] },
        };

        // (2 kernels × 2 layer deltas)^3 blocks
        Assert.Equal(new BigInteger(64), new ModelSpace(spec).Size);
        Assert.Equal(18, new ModelSpace(spec).Decisions.Count);
    }

    [Fact]
    public void an_unknown_decision_name_is_rejected()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Default.GetDecision("b8.op"));

        Assert.Equal("unknown decision 'b8.op'", error.Message);
    }

    [Fact]
    public void an_invalid_spec_cannot_make_a_space()
    {
        var error = Assert.Throws<SpecException>(() => new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Kernels = [] } }));

        Assert.Equal(["search_space.kernels: empty choice list"], error.Problems.Select(p => p.ToString()));
    }
}
