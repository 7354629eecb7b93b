using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Contract;

/// <summary>Well-formed specs whose values make no sense are refused at the door, each problem under its field's path.</summary>
public class SpecRefusalTests
{
    [Theory]
    [InlineData("cifar-10")]
    [InlineData("Fashion-MNIST")]
    [InlineData("../datasets/fashion-mnist")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\data\\mnist")]
    [InlineData("file:///tmp/mnist")]
    [InlineData("https://example.org/mnist.tar.gz")]
    [InlineData("mnist\n")]
    [InlineData("mn\u0000ist")]
    [InlineData("")]
    public void a_dataset_that_is_not_in_the_catalog_is_refused_with_the_known_names(string dataset)
    {
        var problems = CampaignSpecValidator.Instance.Validate(new CampaignSpec { Proxy = new ProxySpec { Dataset = dataset } });

        var problem = Assert.Single(problems);
        Assert.Equal("proxy.dataset", problem.Path);
        Assert.Contains("fashion-mnist, mnist", problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.DoesNotContain('\0', problem.Message);
    }

    [Fact]
    public void every_dataset_in_the_catalog_is_accepted()
    {
        Assert.All(ProxyDatasets.Names, name =>
            Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Proxy = new ProxySpec { Dataset = name } })));
    }

    [Theory]
    [InlineData("""{"reward": {"alpha": -1e308}}""", "reward.alpha")]
    [InlineData("""{"reward": {"beta": 1e308}}""", "reward.beta")]
    [InlineData("""{"reward": {"latency_target_ms": 1e300}}""", "reward.latency_target_ms")]
    [InlineData("""{"target": {"classes": 2000000000}}""", "target.classes")]
    [InlineData("""{"target": {"classes": 5000000000}}""", "target.classes")]
    [InlineData("""{"proxy": {"seed": 9223372036854775807}}""", "proxy.seed")]
    [InlineData("""{"proxy": {"seed": -9223372036854775808}}""", "proxy.seed")]
    [InlineData("""{"proxy": {"seed": -1}}""", "proxy.seed")]
    [InlineData("""{"proxy": {"epochs": 0}}""", "proxy.epochs")]
    [InlineData("""{"proxy": {"batch_size": -64}}""", "proxy.batch_size")]
    [InlineData("""{"proxy": {"train_subset_size": 0}}""", "proxy.train_subset_size")]
    [InlineData("""{"proxy": {"learning_rate": 1e308}}""", "proxy.learning_rate")]
    [InlineData("""{"proxy": {"validation_fraction": 0}}""", "proxy.validation_fraction")]
    [InlineData("""{"target": {"input": {"channels": 3, "height": 100000, "width": 224}}}""", "target.input.height")]
    [InlineData("""{"skeleton": {"head_channels": 0}}""", "skeleton.head_channels")]
    [InlineData("""{"search_space": {"widths": [1e9]}}""", "search_space.widths[0]")]
    [InlineData("""{"search_space": {"layer_deltas": [-100]}}""", "search_space.layer_deltas[0]")]
    [InlineData("""{"name": "a\u0007bell"}""", "name")]
    public void a_value_outside_its_range_is_refused_under_its_path(string json, string path)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson(json));

        Assert.Contains(path, error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void a_value_at_each_inclusive_bound_is_accepted()
    {
        var spec = new CampaignSpec
        {
            Proxy = new ProxySpec { Epochs = 50, BatchSize = 1, Seed = int.MaxValue, TrainSubsetSize = 1_000_000, WeightDecay = 0.1, LearningRate = 10 },
            Reward = new RewardSpec { Alpha = 0, Beta = -1, LatencyTargetMs = 60_000 },
            Target = new TargetSpec { Classes = 2, Input = new(1, 8, 8) },
        };

        Assert.Empty(CampaignSpecValidator.Instance.Validate(spec));
    }

    [Fact]
    public void null_is_refused_where_a_default_applies_and_means_the_default_where_the_default_is_none()
    {
        var refused = Assert.Throws<SpecException>(() =>
            CampaignSpecLoader.FromJson("""{"proxy": {"epochs": null, "dataset": null}, "reward": null}"""));
        Assert.Equal(["proxy.epochs: must not be null", "proxy.dataset: must not be null", "reward: must not be null"],
            Problems.Lines(refused.Problems));

        var spec = CampaignSpecLoader.FromJson("""{"proxy": {"train_subset_size": null}, "target": {"device_class": null}}""");
        Assert.Equal(new CampaignSpec(), spec);
    }

    [Fact]
    public void a_device_class_with_a_trailing_newline_is_refused()
    {
        var problems = CampaignSpecValidator.Instance.Validate(new CampaignSpec { Target = new TargetSpec { DeviceClass = "cpu\n" } });

        Assert.Equal(["target.device_class: must be 1 to 64 letters, digits, '-', '_' or ':' (got 'cpu\\u000a')"], Problems.Lines(problems));
    }
}
