using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

public class CampaignSpecValidatorTests
{
    [Theory]
    [InlineData("search_space: {ops: [conv, dwconv, mbconv9]}", "search_space.ops[2]: unknown op 'mbconv9' (known: conv, dwconv, mbconv1, mbconv3, mbconv6)")]
    [InlineData("search_space: {ops: [conv, conv]}", "search_space.ops[1]: duplicate choice 'conv'")]
    [InlineData("search_space: {kernels: []}", "search_space.kernels: empty choice list")]
    [InlineData("search_space: {kernels: [3, 4]}", "search_space.kernels[1]: must be odd (got 4)")]
    [InlineData("search_space: {kernels: [-1]}", "search_space.kernels[0]: must be in 1..11 (got -1)")]
    [InlineData("search_space: {kernels: [3, 5, 3]}", "search_space.kernels[2]: duplicate choice '3'")]
    [InlineData("search_space: {se_ratios: [0, 1]}", "search_space.se_ratios[1]: must be in [0, 1) (got 1)")]
    [InlineData("search_space: {skips: [dense]}", "search_space.skips[0]: unknown skip 'dense' (known: none, identity, pooling)")]
    [InlineData("search_space: {widths: [0, 1.0]}", "search_space.widths[0]: must be in (0, 4] (got 0)")]
    [InlineData("search_space: {widths: [1.0, -0.5]}", "search_space.widths[1]: must be in (0, 4] (got -0.5)")]
    [InlineData("search_space: {widths: [1, 1.0]}", "search_space.widths[1]: duplicate choice '1.0'")]
    [InlineData("search_space: {layer_deltas: []}", "search_space.layer_deltas: empty choice list")]
    [InlineData("skeleton: {stem_channels: 0}", "skeleton.stem_channels: must be in 1..4096 (got 0)")]
    [InlineData("skeleton: {stem_stride: 4}", "skeleton.stem_stride: must be in 1..2 (got 4)")]
    [InlineData("skeleton: {blocks: []}", "skeleton.blocks: must have at least one block")]
    [InlineData("skeleton: {blocks: [{channels: 16, layers: 1, stride: 1}, {channels: 24, layers: 0, stride: 2}]}", "skeleton.blocks[1].layers: must be in 1..16 (got 0)")]
    [InlineData("skeleton: {blocks: [{channels: 16, layers: 1, stride: 3}]}", "skeleton.blocks[0].stride: must be in 1..2 (got 3)")]
    [InlineData("skeleton: {head_channels: -5}", "skeleton.head_channels: must be in 1..4096 (got -5)")]
    [InlineData("skeleton: {activation: gelu}", "skeleton.activation: unknown activation 'gelu' (known: relu, relu6, hardswish)")]
    [InlineData("skeleton: {dropout: 1.5}", "skeleton.dropout: must be in [0, 1) (got 1.5)")]
    [InlineData("target: {classes: 0}", "target.classes: must be in 2..100000 (got 0)")]
    [InlineData("target: {input: {channels: 1, height: 0, width: 28}}", "target.input.height: must be in 8..1024 (got 0)")]
    [InlineData("target: {device_class: 'edge npu'}", "target.device_class: must be 1 to 64 letters, digits, '-', '_' or ':' (got 'edge npu')")]
    [InlineData("target: {device_class: ''}", "target.device_class: must be 1 to 64 letters, digits, '-', '_' or ':' (got '')")]
    [InlineData("proxy: {device_class: 'gpu pool'}", "proxy.device_class: must be 1 to 64 letters, digits, '-', '_' or ':' (got 'gpu pool')")]
    [InlineData("proxy: {dataset: ''}", "proxy.dataset: unknown data set '': name one of the catalog's (fashion-mnist, mnist), not a path or URL")]
    [InlineData("proxy: {epochs: -2}", "proxy.epochs: must be in 1..50 (got -2)")]
    [InlineData("proxy: {batch_size: 0}", "proxy.batch_size: must be in 1..1024 (got 0)")]
    [InlineData("proxy: {train_subset_size: 0}", "proxy.train_subset_size: must be in 1..1000000 (got 0)")]
    [InlineData("proxy: {validation_fraction: 1}", "proxy.validation_fraction: must be in (0, 1) (got 1)")]
    [InlineData("proxy: {learning_rate: 0}", "proxy.learning_rate: must be in (0, 10] (got 0)")]
    [InlineData("proxy: {momentum: 1}", "proxy.momentum: must be in [0, 1) (got 1)")]
    [InlineData("proxy: {weight_decay: -0.001}", "proxy.weight_decay: must be in [0, 0.1] (got -0.001)")]
    [InlineData("proxy: {label_smoothing: -0.1}", "proxy.label_smoothing: must be in [0, 1) (got -0.1)")]
    [InlineData("reward: {latency_target_ms: 0}", "reward.latency_target_ms: must be in (0, 60000] (got 0)")]
    [InlineData("reward: {alpha: 0.07}", "reward.alpha: must be in [-1, 0] (got 0.07)")]
    [InlineData("name: ' '", "name: must not be empty")]
    public void a_bad_value_is_reported_with_its_field_path(string yaml, string expected)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml(yaml));

        Assert.Equal([expected], Problems.Lines(error.Problems));
    }

    [Fact]
    public void every_problem_is_reported_at_once_in_field_order()
    {
        var spec = new CampaignSpec
        {
            SearchSpace = new SearchSpaceSpec { Kernels = [] },
            Target = new TargetSpec { Classes = 0 },
            Proxy = new ProxySpec { Epochs = -2 },
        };

        Assert.Equal(
            ["search_space.kernels: empty choice list", "target.classes: must be in 2..100000 (got 0)", "proxy.epochs: must be in 1..50 (got -2)"],
            Problems.Lines(CampaignSpecValidator.Instance.Validate(spec)));
    }

    [Fact]
    public void a_missing_section_is_reported_by_name()
    {
        var spec = new CampaignSpec { SearchSpace = null!, Target = new TargetSpec { Input = null! } };

        Assert.Equal(["search_space: must not be null", "target.input: must not be null"], Problems.Lines(CampaignSpecValidator.Instance.Validate(spec)));
    }

    [Fact]
    public void throw_if_invalid_names_the_origin_and_lists_the_problems()
    {
        var spec = new CampaignSpec { Proxy = new ProxySpec { Epochs = 0, BatchSize = 0 } };

        var error = Assert.Throws<SpecException>(() => CampaignSpecValidator.Instance.ThrowIfInvalid(spec, "campaign.yaml"));

        Assert.Equal("campaign.yaml", error.Origin);
        Assert.Equal(
            "campaign spec 'campaign.yaml' is invalid (2 problems):\n  proxy.epochs: must be in 1..50 (got 0)\n  proxy.batch_size: must be in 1..1024 (got 0)",
            error.Message);
    }

    [Fact]
    public void the_skeleton_activation_may_be_any_architecture_activation()
    {
        foreach (var activation in new[] { "relu", "relu6", "hardswish" })
        {
            var spec = new CampaignSpec { Skeleton = new SkeletonSpec { Activation = activation } };
            Assert.Empty(CampaignSpecValidator.Instance.Validate(spec));
        }

        Assert.Equal(3, Enum.GetValues<Activation>().Length);
    }
}
