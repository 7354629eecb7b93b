using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.GrowTrim;

/// <summary>The candidates of particular bases, worked out by hand from the skeleton (c, n, s): (16,1,1), (24,2,2), (32,3,2), (64,4,2), (96,3,1), (160,3,2), (320,1,1), stem 32.</summary>
public class GrowTrimExamplesTests
{
    private static string[] Operations(ModelSpace space, Sample @base, bool widen = true) =>
        GrowTrimCandidates.Of(space, @base, widen).Select(c => c.Operation.ToString()).ToArray();

    [Fact]
    public void mobilenet_v2_grows_both_ways_and_trims_a_layer_and_the_skip_of_each_block_with_more_than_one_layer()
    {
        var space = GrowTrimBases.Default;

        // Every block sits at delta 0, so +1 deepens them all, and width 1.0 widens to 1.25 everywhere. Blocks 1 and 7
        // have one layer: nothing to trim, and their identity skip adds no edge (16 ≠ 32 stem channels in; 320 ≠ 160
        // in), so only blocks 2 to 6 trim a layer (delta −1) and their skip.
        Assert.Equal(
        [
            "grow layers", "grow width",
            "trim b2 layer", "trim b2 skip", "trim b3 layer", "trim b3 skip", "trim b4 layer", "trim b4 skip",
            "trim b5 layer", "trim b5 skip", "trim b6 layer", "trim b6 skip",
        ], Operations(space, NamedSamples.Resolve(space, NamedSamples.MobileNetV2)));
    }

    [Fact]
    public void the_smallest_network_has_nothing_to_trim_and_only_grows()
    {
        var space = GrowTrimBases.Default;
        var smallest = NamedSamples.Resolve(space, NamedSamples.Smallest);

        // At the lowest delta and skip none there is no layer or skip to take away. Width 0.75 → 1.0 keeps blocks 1
        // and 2 at 16 and 24 channels (12 and 18 round up to them), so widening changes blocks 3 to 7 only.
        var candidates = GrowTrimCandidates.Of(space, smallest, widen: true);
        Assert.Equal(["grow layers", "grow width"], candidates.Select(c => c.Operation.ToString()));
        var before = space.Freeze(smallest).Blocks;
        var widened = space.Freeze(candidates[1].Sample).Blocks;
        Assert.Equal([16, 24, 24, 48, 72, 120, 240], before.Select(b => b.Channels));
        Assert.Equal([16, 24, 32, 64, 96, 160, 320], widened.Select(b => b.Channels));
        Assert.Equal(["0.75", "0.75", "1.0", "1.0", "1.0", "1.0", "1.0"], Enumerable.Range(1, 7).Select(b => candidates[1].Sample.ValueOf($"b{b}.width")));

        Assert.Equal(["grow layers"], Operations(space, smallest, widen: false));
    }

    [Fact]
    public void at_the_widest_multiplier_and_the_largest_delta_only_trims_are_left()
    {
        var space = GrowTrimBases.Default;
        var widest = space.Parse(Support.SampleText.Uniform(_ => "mbconv6", skip: "pooling", width: "1.25", layers: "+1"));

        // Layers (2, 3, 4, 5, 4, 4, 2): every block trims a layer back to delta 0, and pooling gives every layer a shortcut.
        var operations = Operations(space, widest);

        Assert.Equal(Enumerable.Range(1, 7).SelectMany(b => new[] { $"trim b{b} layer", $"trim b{b} skip" }), operations);
    }

    [Fact]
    public void a_single_layer_block_with_matching_shapes_keeps_its_identity_skip_trim()
    {
        // Block 4's one layer keeps block 3's 160 channels at stride 1, so its identity skip adds an edge; block 3's
        // one layer goes 24 → 160 at stride 2 and block 1's 32 (the stem) → 16, so theirs add none.
        var spec = new CampaignSpec
        {
            Skeleton = new SkeletonSpec { Blocks = [new(16, 1, 1), new(24, 2, 2), new(160, 1, 2), new(160, 1, 1)] },
        };
        var space = new ModelSpace(spec);
        var @base = NamedSamples.Resolve(space, NamedSamples.MobileNetV2);

        var operations = Operations(space, @base);

        Assert.Contains("trim b4 skip", operations);
        Assert.DoesNotContain("trim b3 skip", operations);
        Assert.DoesNotContain("trim b1 skip", operations);
    }

    [Fact]
    public void a_space_without_a_none_skip_trims_no_skip()
    {
        var space = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Skips = ["identity", "pooling"] } });

        var operations = GrowTrimCandidates.Of(space, NamedSamples.Resolve(space, NamedSamples.MobileNetV2), widen: true).Select(c => c.Operation.Kind);

        Assert.DoesNotContain(GrowTrimKind.TrimSkip, operations);
        Assert.Contains(GrowTrimKind.TrimLayer, operations);
    }

    [Fact]
    public void layer_deltas_that_step_by_two_can_neither_deepen_nor_trim_a_layer()
    {
        var space = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { LayerDeltas = [0, 2] } });

        var operations = Operations(space, NamedSamples.Resolve(space, NamedSamples.MobileNetV2));

        Assert.Equal("grow width", operations[0]);
        Assert.All(operations.Skip(1), o => Assert.EndsWith(" skip", o));
    }

    [Fact]
    public void a_trim_to_one_layer_takes_the_delta_nearest_the_current_one()
    {
        // Block 3 (n = 3) at delta −1 has two layers; one layer is max(1, 3 − 2) and also max(1, 3 − 3).
        var space = GrowTrimBases.Trimmable;
        var @base = NamedSamples.Resolve(space, NamedSamples.MobileNetV2);
        var twoLayers = GrowTrimCandidatesTests.With(space, @base, "b3.layers", space.GetDecision("b3.layers").IndexOf("-1"));

        var trim = GrowTrimCandidates.Of(space, twoLayers, widen: false).Single(c => c.Operation == new GrowTrimOperation(GrowTrimKind.TrimLayer, 3));

        // −2 is the nearer to −1, so it is the one taken.
        Assert.Equal("-2", trim.Sample.ValueOf("b3.layers"));
        Assert.Equal(1, space.Freeze(trim.Sample).Blocks[2].Layers);
    }

    [Fact]
    public void a_base_from_another_space_is_refused()
    {
        var other = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Kernels = [3, 5, 7] } });
        var @base = other.Parse(Support.SampleText.Uniform(_ => "mbconv6", kernel: "7"));

        var error = Assert.Throws<ArgumentException>(() => GrowTrimCandidates.Of(GrowTrimBases.Default, @base, widen: true));

        Assert.Contains("b1.kernel", error.Message);
    }

    [Fact]
    public void an_operation_text_that_is_no_grow_or_trim_is_refused_naming_it()
    {
        foreach (var text in new[] { "grow", "trim b0 layer", "trim 3 skip", "shrink layers", "trim b2 width" })
        {
            var error = Assert.Throws<FormatException>(() => GrowTrimOperation.Parse(text));
            Assert.Contains($"'{text}'", error.Message);
        }
    }

    [Fact]
    public void pooling_on_a_single_stride_two_layer_still_counts_as_a_skip_to_trim()
    {
        var space = GrowTrimBases.Default;
        var pooled = space.Parse(Support.SampleText.Uniform(_ => "mbconv6", skip: "pooling"));

        var skips = GrowTrimCandidates.Of(space, pooled, widen: false).Where(c => c.Operation.Kind == GrowTrimKind.TrimSkip);

        Assert.Equal(Enumerable.Range(1, 7), skips.Select(c => c.Operation.Block!.Value));
        Assert.All(skips, c => Assert.Equal(SkipOp.None, space.Freeze(c.Sample).Blocks[c.Operation.Block!.Value - 1].Skip));
    }
}
