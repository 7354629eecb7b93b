using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Costs.Tests;

/// <summary>
/// MemNAS's grow and trim candidates against the built operator graph: a trimmed skip removes shortcut adds, a skip
/// not offered for trimming adds none, and growing never costs less memory than the base nor trimming more.
/// </summary>
public class GrowTrimNetworkTests
{
    private static readonly ModelSpace Space = new(new CampaignSpec
    {
        SearchSpace = new SearchSpaceSpec { LayerDeltas = [-3, -2, -1, 0, 1] },
        Skeleton = new SkeletonSpec { StemStride = 1 },
        Target = new TargetSpec { Input = new(1, 28, 28), Classes = 10 },
    });

    public static TheoryData<string> Bases => ["mobilenet_v2", "smallest", "1", "2", "3", "4", "5"];

    private static Sample Base(string name) =>
        int.TryParse(name, out var seed) ? Space.Random(new Random(seed)) : NamedSamples.Resolve(Space, name);

    private static LayerGraph Graph(Sample sample) => LayerGraph.FromArchitecture(Space.Freeze(sample));

    private static int Shortcuts(LayerGraph graph, int block) =>
        graph.Layers.Count(l => l.Block == block && l.Config.Shortcut != LayerShortcut.None);

    [Theory]
    [MemberData(nameof(Bases))]
    public void a_skip_trim_takes_the_blocks_shortcuts_away_and_nothing_else(string name)
    {
        var @base = Base(name);
        var before = Graph(@base);

        foreach (var trim in GrowTrimCandidates.Of(Space, @base, widen: true).Where(c => c.Operation.Kind == GrowTrimKind.TrimSkip))
        {
            var block = trim.Operation.Block!.Value - 1;
            var after = Graph(trim.Sample);
            Assert.True(Shortcuts(before, block) > 0, $"{trim.Operation}: the base's block had no shortcut to take away");
            Assert.Equal(0, Shortcuts(after, block));
            Assert.Equal(before.Layers.Count, after.Layers.Count);
            Assert.Equal(
                before.Layers.Where(l => l.Block != block).Select(l => l.Config),
                after.Layers.Where(l => l.Block != block).Select(l => l.Config));
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void a_skip_left_untrimmed_builds_the_same_network_as_no_skip(string name)
    {
        var @base = Base(name);
        var trimmed = GrowTrimCandidates.Of(Space, @base, widen: true)
            .Where(c => c.Operation.Kind == GrowTrimKind.TrimSkip).Select(c => c.Operation.Block!.Value).ToHashSet();
        var before = Graph(@base);

        for (var block = 1; block <= Space.Spec.Skeleton.Blocks.Count; block++)
        {
            if (trimmed.Contains(block) || @base.ValueOf($"b{block}.skip") == "none")
            {
                continue;
            }

            var choices = @base.Choices.ToDictionary(c => c.Decision, c => c.Index);
            choices[$"b{block}.skip"] = Space.GetDecision($"b{block}.skip").IndexOf("none");
            var without = Graph(Space.Create(choices));

            Assert.Equal(0, Shortcuts(before, block - 1));
            Assert.Equal(before.Nodes.Select(n => (n.Kind, n.Output, n.Params, n.Macs)), without.Nodes.Select(n => (n.Kind, n.Output, n.Params, n.Macs)));
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void growing_never_lowers_and_trimming_never_raises_the_parameter_bytes(string name)
    {
        var @base = Base(name);
        var memory = MemoryFootprint.Of(Space.Freeze(@base));

        foreach (var candidate in GrowTrimCandidates.Of(Space, @base, widen: true))
        {
            var after = MemoryFootprint.Of(Space.Freeze(candidate.Sample));
            switch (candidate.Operation.Kind)
            {
                case GrowTrimKind.Deepen or GrowTrimKind.Widen:
                    Assert.True(after.ParamBytes > memory.ParamBytes, $"{candidate.Operation}: {after.ParamBytes} ≤ {memory.ParamBytes}");
                    break;
                case GrowTrimKind.TrimLayer:
                    Assert.True(after.ParamBytes < memory.ParamBytes, $"{candidate.Operation}: {after.ParamBytes} ≥ {memory.ParamBytes}");
                    break;
                default:
                    // An identity shortcut has no parameters; a pooled one's 1×1 projection does.
                    Assert.True(after.ParamBytes <= memory.ParamBytes, $"{candidate.Operation}: {after.ParamBytes} > {memory.ParamBytes}");
                    break;
            }
        }
    }
}
