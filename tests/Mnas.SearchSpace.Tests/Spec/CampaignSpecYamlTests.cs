using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;

namespace Mnas.SearchSpace.Tests.Spec;

public class CampaignSpecYamlTests
{
    private const string Yaml = """
        name: fashion-quick
        search_space:
          ops: [dwconv, mbconv3, mbconv6]
          kernels: [3, 5]
          se_ratios: [0, 0.25]
          skips:
            - none
            - identity
          widths: [0.5, 1.0]
          layer_deltas: [0, 1]
        skeleton:
          stem_channels: 16
          blocks:
            - {channels: 16, layers: 1, stride: 1}
            - channels: 24
              layers: 2
              stride: 2
          activation: relu6
        target:
          input: {channels: 1, height: 28, width: 28}
          classes: 10
          device_class: edge-npu
        proxy:
          epochs: 2
          train_subset_size: 6000
          label_smoothing: 0.1
          seed: 7
        reward:
          latency_target_ms: 12.5
        """;

    private const string Json = """
        {
          "name": "fashion-quick",
          "search_space": {
            "ops": ["dwconv", "mbconv3", "mbconv6"], "kernels": [3, 5], "se_ratios": [0, 0.25],
            "skips": ["none", "identity"], "widths": [0.5, 1.0], "layer_deltas": [0, 1]
          },
          "skeleton": {
            "stem_channels": 16,
            "blocks": [{"channels": 16, "layers": 1, "stride": 1}, {"channels": 24, "layers": 2, "stride": 2}],
            "activation": "relu6"
          },
          "target": {"input": {"channels": 1, "height": 28, "width": 28}, "classes": 10, "device_class": "edge-npu"},
          "proxy": {"epochs": 2, "train_subset_size": 6000, "label_smoothing": 0.1, "seed": 7},
          "reward": {"latency_target_ms": 12.5}
        }
        """;

    [Fact]
    public void yaml_and_json_of_the_same_spec_load_equal()
    {
        var fromYaml = CampaignSpecLoader.FromYaml(Yaml);

        Assert.Equal(CampaignSpecLoader.FromJson(Json), fromYaml);
        Assert.Equal(["dwconv", "mbconv3", "mbconv6"], fromYaml.SearchSpace.Ops);
        Assert.Equal([new SkeletonBlockSpec(16, 1, 1), new SkeletonBlockSpec(24, 2, 2)], fromYaml.Skeleton.Blocks);
        Assert.Equal(new InputShape(1, 28, 28), fromYaml.Target.Input);
        Assert.Equal("edge-npu", fromYaml.Target.DeviceClass);
        Assert.Equal(6000, fromYaml.Proxy.TrainSubsetSize);
        Assert.Equal(12.5, fromYaml.Reward.LatencyTargetMs);
        Assert.Equal(0.05, fromYaml.Proxy.LearningRate);
    }

    [Fact]
    public void a_spec_written_as_yaml_reads_back_equal()
    {
        Assert.Equal(SampleSpecs.Custom, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(SampleSpecs.Custom)));
        Assert.Equal(new CampaignSpec(), CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(new CampaignSpec())));
    }

    [Fact]
    public void written_yaml_keeps_choice_lists_and_blocks_on_one_line_each()
    {
        var yaml = CampaignSpecWriter.ToYaml(new CampaignSpec());

        Assert.Contains("  ops: [conv, dwconv, mbconv1, mbconv3, mbconv6]\n", yaml);
        Assert.Contains("  kernels: [3, 5]\n", yaml);
        Assert.Contains("  layer_deltas: [-1, 0, 1]\n", yaml);
        Assert.Contains("  - {channels: 16, layers: 1, stride: 1}\n", yaml);
        Assert.Contains("  dataset: fashion-mnist\n", yaml);
    }

    [Fact]
    public void a_name_that_looks_like_a_number_is_quoted_and_stays_a_string()
    {
        foreach (var name in new[] { "2024", "true" })
        {
            var spec = new CampaignSpec { Name = name };

            var yaml = CampaignSpecWriter.ToYaml(spec);

            Assert.Contains($"name: \"{name}\"", yaml);
            Assert.Equal(spec, CampaignSpecLoader.FromYaml(yaml));
        }
    }

    [Fact]
    public void a_yaml_file_saves_and_loads_back_equal_and_equals_its_json_twin()
    {
        using var dir = new TempDirectory();
        var yamlPath = dir.File("spec.yml");
        var jsonPath = dir.File("spec.json", Json);

        CampaignSpecWriter.Save(CampaignSpecLoader.FromYaml(Yaml), yamlPath);

        Assert.DoesNotContain("{\n", File.ReadAllText(yamlPath));
        Assert.Equal(CampaignSpecLoader.Load(jsonPath), CampaignSpecLoader.Load(yamlPath));
    }
}
