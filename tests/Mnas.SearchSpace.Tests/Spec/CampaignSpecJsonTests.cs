using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Spec;

public class CampaignSpecJsonTests
{
    [Fact]
    public void a_spec_written_as_json_reads_back_equal()
    {
        var json = CampaignSpecWriter.ToJson(SampleSpecs.Custom);

        Assert.Equal(SampleSpecs.Custom, CampaignSpecLoader.FromJson(json));
    }

    [Fact]
    public void the_default_spec_written_as_json_reads_back_equal()
    {
        Assert.Equal(new CampaignSpec(), CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(new CampaignSpec())));
    }

    [Fact]
    public void json_keys_are_snake_case()
    {
        var json = CampaignSpecWriter.ToJson(SampleSpecs.Custom);

        foreach (var key in new[] { "search_space", "se_ratios", "layer_deltas", "stem_channels", "head_channels", "batch_size", "train_subset_size", "validation_fraction", "latency_target_ms" })
        {
            Assert.Contains($"\"{key}\":", json);
        }
    }

    [Fact]
    public void an_absent_train_subset_size_is_left_out_of_the_json()
    {
        Assert.DoesNotContain("train_subset_size", CampaignSpecWriter.ToJson(new CampaignSpec()));
    }

    [Fact]
    public void an_empty_json_object_is_the_default_spec()
    {
        Assert.Equal(new CampaignSpec(), CampaignSpecLoader.FromJson("{}"));
    }

    [Fact]
    public void keys_left_out_keep_their_defaults()
    {
        var spec = CampaignSpecLoader.FromJson("""{"name": "quick", "proxy": {"epochs": 3}, "target": {"classes": 10}}""");

        Assert.Equal("quick", spec.Name);
        Assert.Equal(3, spec.Proxy.Epochs);
        Assert.Equal(64, spec.Proxy.BatchSize);
        Assert.Equal(10, spec.Target.Classes);
        Assert.Equal(new InputShape(3, 224, 224), spec.Target.Input);
        Assert.Equal(new SearchSpaceSpec(), spec.SearchSpace);
    }

    [Fact]
    public void a_json_file_saves_and_loads_back_equal()
    {
        using var dir = new TempDirectory();
        var path = dir.File("spec.json");

        CampaignSpecWriter.Save(SampleSpecs.Custom, path);

        Assert.StartsWith("{", File.ReadAllText(path));
        Assert.Equal(SampleSpecs.Custom, CampaignSpecLoader.Load(path));
    }
}
