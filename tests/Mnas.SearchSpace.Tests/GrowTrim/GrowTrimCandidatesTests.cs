using System.Globalization;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Space;

namespace Mnas.SearchSpace.Tests.GrowTrim;

/// <summary>Every grow and trim of a base is a valid sample of the space, differs from the base by exactly its operation, and appears once.</summary>
public class GrowTrimCandidatesTests
{
    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void every_candidate_is_a_valid_sample_of_the_space(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);
        var candidates = GrowTrimCandidates.Of(space, GrowTrimBases.Base(space, baseName), widen: true);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, candidate =>
        {
            Assert.Equal(candidate.Sample, space.Parse(candidate.Sample.Canonical));
            Assert.Empty(ArchitectureValidator.Instance.Validate(space.Freeze(candidate.Sample)));
        });
    }

    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void every_candidate_differs_from_the_base_by_exactly_its_operation(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);
        var @base = GrowTrimBases.Base(space, baseName);

        foreach (var candidate in GrowTrimCandidates.Of(space, @base, widen: true))
        {
            AssertExactly(space, @base, candidate);
        }
    }

    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void no_two_candidates_and_no_candidate_and_the_base_build_the_same_network(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);
        var @base = GrowTrimBases.Base(space, baseName);

        var networks = GrowTrimCandidates.Of(space, @base, widen: true).Select(c => space.Freeze(c.Sample)).Prepend(space.Freeze(@base))
            .Select(a => string.Join(" | ", a.Blocks))
            .ToList();

        Assert.Equal(networks.Count, networks.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void every_trim_the_base_allows_is_offered_once_in_block_order_after_the_grows(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);
        var @base = GrowTrimBases.Base(space, baseName);
        var blocks = space.Freeze(@base).Blocks;

        var operations = GrowTrimCandidates.Of(space, @base, widen: true).Select(c => c.Operation).ToList();

        var expected = new List<GrowTrimOperation>();
        for (var block = 1; block <= blocks.Count; block++)
        {
            if (LayersReachable(space, @base, block).Contains(blocks[block - 1].Layers - 1))
            {
                expected.Add(new GrowTrimOperation(GrowTrimKind.TrimLayer, block));
            }

            // Pooling adds a shortcut to every layer; identity to the layers whose shapes match: every layer after the
            // first, and the first when its stride is 1 and its input already has the block's channels.
            var frozen = blocks[block - 1];
            var inChannels = block == 1 ? space.Spec.Skeleton.StemChannels : blocks[block - 2].Channels;
            if (frozen.Skip == SkipOp.Pooling || (frozen.Skip == SkipOp.Identity && (frozen.Layers > 1 || (frozen.Stride == 1 && inChannels == frozen.Channels))))
            {
                expected.Add(new GrowTrimOperation(GrowTrimKind.TrimSkip, block));
            }
        }

        Assert.Equal(expected, operations.Where(o => o.Kind is GrowTrimKind.TrimLayer or GrowTrimKind.TrimSkip));
        Assert.Equal(operations.Count, operations.Distinct().Count());
        Assert.Equal(operations.OrderBy(o => o.Block ?? 0).ThenBy(o => o.Kind), operations);
    }

    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void every_operation_reads_back_from_its_text(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);

        Assert.All(GrowTrimCandidates.Of(space, GrowTrimBases.Base(space, baseName), widen: true),
            c => Assert.Equal(c.Operation, GrowTrimOperation.Parse(c.Operation.ToString())));
    }

    [Theory]
    [MemberData(nameof(GrowTrimBases.All), MemberType = typeof(GrowTrimBases))]
    public void without_widening_the_candidates_are_the_same_less_the_widen(string spaceName, string baseName)
    {
        var space = GrowTrimBases.Space(spaceName);
        var @base = GrowTrimBases.Base(space, baseName);

        var narrow = GrowTrimCandidates.Of(space, @base, widen: false);

        Assert.DoesNotContain(narrow, c => c.Operation.Kind == GrowTrimKind.Widen);
        Assert.Equal(GrowTrimCandidates.Of(space, @base, widen: true).Where(c => c.Operation.Kind != GrowTrimKind.Widen), narrow);
    }

    /// <summary>The network's blocks as the candidate's operation says, nothing else, and only the operation's decisions changed.</summary>
    internal static void AssertExactly(ModelSpace space, Sample @base, GrowTrimCandidate candidate)
    {
        var before = space.Freeze(@base);
        var after = space.Freeze(candidate.Sample);
        Assert.Equal(before with { Name = "", Blocks = [] }, after with { Name = "", Blocks = [] });
        var changed = Enumerable.Range(0, before.Blocks.Count).Where(i => before.Blocks[i] != after.Blocks[i]).ToList();
        var operation = candidate.Operation;
        var kind = operation.Kind switch
        {
            GrowTrimKind.Deepen or GrowTrimKind.TrimLayer => "layers",
            GrowTrimKind.Widen => "width",
            _ => "skip",
        };
        var changedDecisions = @base.Choices.Zip(candidate.Sample.Choices).Where(p => p.First != p.Second).Select(p => p.First.Decision).ToList();
        Assert.All(changedDecisions, d => Assert.EndsWith("." + kind, d));

        switch (operation.Kind)
        {
            case GrowTrimKind.Deepen:
                Assert.NotEmpty(changed);
                for (var i = 0; i < before.Blocks.Count; i++)
                {
                    var grown = before.Blocks[i] with { Layers = before.Blocks[i].Layers + 1 };
                    if (changed.Contains(i))
                    {
                        Assert.Equal(grown, after.Blocks[i]);
                    }
                    else
                    {
                        Assert.DoesNotContain(grown.Layers, LayersReachable(space, @base, i + 1));
                    }
                }

                break;
            case GrowTrimKind.Widen:
                Assert.NotEmpty(changed);
                for (var i = 0; i < before.Blocks.Count; i++)
                {
                    var nextWider = NextWider(space, @base, i + 1);
                    if (changed.Contains(i))
                    {
                        Assert.True(after.Blocks[i].Channels > before.Blocks[i].Channels, $"block {i + 1} narrowed");
                        Assert.Equal(before.Blocks[i] with { Channels = after.Blocks[i].Channels }, after.Blocks[i]);
                        Assert.Equal(nextWider, double.Parse(candidate.Sample.ValueOf($"b{i + 1}.width"), CultureInfo.InvariantCulture));
                    }
                    else if (nextWider is { } width)
                    {
                        var widened = space.Freeze(With(space, @base, $"b{i + 1}.width", ChoiceOf(space, width)));
                        Assert.Equal(before.Blocks[i].Channels, widened.Blocks[i].Channels);
                    }
                }

                break;
            case GrowTrimKind.TrimLayer:
                Assert.Equal([operation.Block!.Value - 1], changed);
                var shorter = before.Blocks[changed[0]] with { Layers = before.Blocks[changed[0]].Layers - 1 };
                Assert.Equal(shorter, after.Blocks[changed[0]]);
                Assert.True(shorter.Layers >= 1);
                break;
            case GrowTrimKind.TrimSkip:
                Assert.Equal([operation.Block!.Value - 1], changed);
                Assert.NotEqual(SkipOp.None, before.Blocks[changed[0]].Skip);
                Assert.Equal(before.Blocks[changed[0]] with { Skip = SkipOp.None }, after.Blocks[changed[0]]);
                break;
        }
    }

    /// <summary>The layer counts the block's layer delta choices give, found by freezing each.</summary>
    internal static IReadOnlyList<int> LayersReachable(ModelSpace space, Sample @base, int block)
    {
        var decision = space.GetDecision($"b{block}.layers");
        return Enumerable.Range(0, decision.Choices.Count).Select(i => space.Freeze(With(space, @base, decision.Name, i)).Blocks[block - 1].Layers).ToList();
    }

    private static double? NextWider(ModelSpace space, Sample @base, int block)
    {
        var current = double.Parse(@base.ValueOf($"b{block}.width"), CultureInfo.InvariantCulture);
        var wider = space.Spec.SearchSpace.Widths.Where(w => w > current).ToList();
        return wider.Count > 0 ? wider.Min() : null;
    }

    private static int ChoiceOf(ModelSpace space, double width) =>
        space.Spec.SearchSpace.Widths.ToList().IndexOf(width);

    internal static Sample With(ModelSpace space, Sample @base, string decision, int index)
    {
        var choices = @base.Choices.ToDictionary(c => c.Decision, c => c.Index);
        choices[decision] = index;
        return space.Create(choices);
    }
}
