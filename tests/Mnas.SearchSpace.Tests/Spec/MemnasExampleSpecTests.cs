using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>docs/memnas-campaign.yaml, the one-machine MemNAS campaign, loads, validates as a memnas campaign and stays that size.</summary>
public class MemnasExampleSpecTests
{
    private static CampaignSpec Example() => CampaignSpecLoader.Load(Path.Combine(RepoRoot(), "docs", "memnas-campaign.yaml"));

    [Fact]
    public void the_documented_memnas_campaign_loads_validates_and_trains_at_most_thirteen_children_on_fashion_mnist()
    {
        var spec = Example();

        Assert.Empty(CampaignSpecValidator.Instance.ValidateMemnasCampaign(spec));
        Assert.Equal("fashion-mnist", spec.Proxy.Dataset);
        Assert.Equal(RewardSpec.MemoryKind, spec.Reward.Kind);
        Assert.Equal([-3, -2, -1, 0, 1], spec.SearchSpace.LayerDeltas);
        var memnas = spec.Memnas;
        Assert.Equal((NamedSamples.MobileNetV2, 4, 3, 2, 13), (memnas.Base, memnas.Rounds, memnas.TopK, memnas.Patience, memnas.TrainedChildren()));
        Assert.True(spec.Proxy.Epochs <= 2 && spec.Proxy.TrainSubsetSize <= 2000, "a child of the example trains briefly on a subset");
        Assert.Equal(new SkeletonSpec().Blocks, spec.Skeleton.Blocks);
        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
    }

    [Fact]
    public void the_examples_target_network_is_its_proxy_classifier()
    {
        var spec = Example();
        var space = new ModelSpace(spec);
        var dataset = ProxyDatasets.Find(spec.Proxy.Dataset)!;
        var @base = NamedSamples.Resolve(space, spec.Memnas.Base);

        foreach (var sample in GrowTrimCandidates.Of(space, @base, spec.Memnas.Widen).Select(c => c.Sample).Prepend(@base))
        {
            var target = space.Freeze(sample);
            Assert.Equal(target, ArchitectureViews.Proxy(target, dataset.Input, dataset.Classes));
        }
    }

    [Fact]
    public void the_examples_first_round_has_a_trim_of_every_block_with_more_than_one_layer_and_both_grows()
    {
        var spec = Example();
        var space = new ModelSpace(spec);

        var operations = GrowTrimCandidates.Of(space, NamedSamples.Resolve(space, spec.Memnas.Base), spec.Memnas.Widen).Select(c => c.Operation.ToString());

        // MobileNetV2's blocks 2 to 6 have 2 to 4 layers: each trims a layer and its identity skip.
        Assert.Equal(
        [
            "grow layers", "grow width",
            "trim b2 layer", "trim b2 skip", "trim b3 layer", "trim b3 skip", "trim b4 layer", "trim b4 skip",
            "trim b5 layer", "trim b5 skip", "trim b6 layer", "trim b6 skip",
        ], operations);
    }

    [Fact]
    public void the_memnas_example_in_the_campaign_contract_loads_and_agrees_with_the_example_file()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "campaign-contract.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("```yaml\nname: memnas-demo\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/campaign-contract.md has no memnas example");
        start += "```yaml\n".Length;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var shown = CampaignSpecLoader.FromYaml(yaml, "docs/campaign-contract.md");
        var file = Example();

        Assert.Equal((file.Memnas, file.Reward.Kind, file.Target.Input, file.Target.Classes, file.Skeleton.StemStride),
            (shown.Memnas, shown.Reward.Kind, shown.Target.Input, shown.Target.Classes, shown.Skeleton.StemStride));
        Assert.Equal(file.SearchSpace.LayerDeltas, shown.SearchSpace.LayerDeltas);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Mnas.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("no Mnas.sln above the test's directory");
    }
}
