using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>docs/fbnetv3-campaign.yaml, the demo-size FBNetV3 campaign, loads and stays demo-sized.</summary>
public class Fbnetv3ExampleSpecTests
{
    [Fact]
    public void the_documented_fbnetv3_campaign_loads_and_trains_ten_short_children_on_fashion_mnist()
    {
        var spec = CampaignSpecLoader.Load(Path.Combine(RepoRoot(), "docs", "fbnetv3-campaign.yaml"));

        var fbnetv3 = spec.Fbnetv3;
        Assert.Equal("fashion-mnist", spec.Proxy.Dataset);
        Assert.Equal((2, 4, 2, 10), (fbnetv3.Rounds, fbnetv3.ChildrenPerRound, fbnetv3.FinalChildren, fbnetv3.TrainedChildren()));
        Assert.Equal(RecipeRange.Between(1, 2), fbnetv3.Recipe.Epochs);
        Assert.True(fbnetv3.PretrainArchitectures <= 500, $"{fbnetv3.PretrainArchitectures} pretraining architectures is no demo");
        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
    }

    [Fact]
    public void the_fbnetv3_example_in_the_campaign_contract_loads_and_agrees_with_the_example_file()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "campaign-contract.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("```yaml\nname: fbnetv3-demo\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/campaign-contract.md has no fbnetv3 example");
        start += "```yaml\n".Length;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var shown = CampaignSpecLoader.FromYaml(yaml, "docs/campaign-contract.md").Fbnetv3;
        var file = CampaignSpecLoader.Load(Path.Combine(RepoRoot(), "docs", "fbnetv3-campaign.yaml")).Fbnetv3;

        Assert.Equal((file.Rounds, file.ChildrenPerRound, file.FinalChildren, file.Recipe.Epochs, file.Recipe.BatchSize),
            (shown.Rounds, shown.ChildrenPerRound, shown.FinalChildren, shown.Recipe.Epochs, shown.Recipe.BatchSize));
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
