using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>The memnas section: its defaults, how files read and write it, its settings held to their ranges and its base looked up in the space.</summary>
public class MemnasSpecTests
{
    private const string Section = """
        memnas:
          base: smallest
          rounds: 3
          top_k: 2
          patience: 1
          widen: false
          hidden_units: 16
          controller_epochs: 50
          controller_learning_rate: 0.01
        """;

    [Fact]
    public void the_defaults_start_from_mobilenet_v2_and_validate()
    {
        var memnas = new CampaignSpec().Memnas;

        Assert.Equal((NamedSamples.MobileNetV2, 8, 4, 2, true), (memnas.Base, memnas.Rounds, memnas.TopK, memnas.Patience, memnas.Widen));
        Assert.Equal(1 + 8 * 4, memnas.TrainedChildren());
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
        Assert.Empty(CampaignSpecValidator.Instance.ValidateMemnasCampaign(new CampaignSpec()));
    }

    [Fact]
    public void a_memnas_section_loads_from_yaml_and_goes_through_the_writer_and_back()
    {
        var spec = CampaignSpecLoader.FromYaml(Section);

        var memnas = spec.Memnas;
        Assert.Equal((NamedSamples.Smallest, 3, 2, 1, false), (memnas.Base, memnas.Rounds, memnas.TopK, memnas.Patience, memnas.Widen));
        Assert.Equal((16, 50, 0.01), (memnas.HiddenUnits, memnas.ControllerEpochs, memnas.ControllerLearningRate));
        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
    }

    [Fact]
    public void null_is_refused_for_the_section_and_its_settings()
    {
        var refused = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"memnas": {"base": null, "top_k": null, "widen": null}}"""));
        Assert.Equal(["memnas.base: must not be null", "memnas.top_k: must not be null", "memnas.widen: must not be null"], Problems.Lines(refused.Problems));
        var section = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"memnas": null}"""));
        Assert.Equal(["memnas: must not be null"], Problems.Lines(section.Problems));

        Assert.Equal(["memnas: must not be null"], Problems.Lines(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = null! })));
        Assert.Equal(["memnas.base: must not be null"],
            Problems.Lines(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = new MemnasSpec { Base = null! } })));
    }

    [Theory]
    [InlineData("rounds: 0", "memnas.rounds: must be in 1..1000 (got 0)")]
    [InlineData("rounds: 1001", "memnas.rounds: must be in 1..1000 (got 1001)")]
    [InlineData("top_k: 0", "memnas.top_k: must be in 1..1000 (got 0)")]
    [InlineData("top_k: 1001", "memnas.top_k: must be in 1..1000 (got 1001)")]
    [InlineData("patience: 0", "memnas.patience: must be in 1..1000 (got 0)")]
    [InlineData("patience: 1001", "memnas.patience: must be in 1..1000 (got 1001)")]
    [InlineData("hidden_units: 3", "memnas.hidden_units: must be in 4..1024 (got 3)")]
    [InlineData("hidden_units: 1025", "memnas.hidden_units: must be in 4..1024 (got 1025)")]
    [InlineData("controller_epochs: 0", "memnas.controller_epochs: must be in 1..10000 (got 0)")]
    [InlineData("controller_epochs: 10001", "memnas.controller_epochs: must be in 1..10000 (got 10001)")]
    [InlineData("controller_learning_rate: 0", "memnas.controller_learning_rate: must be in (0, 1] (got 0)")]
    [InlineData("controller_learning_rate: 1.5", "memnas.controller_learning_rate: must be in (0, 1] (got 1.5)")]
    [InlineData("base: largest", "memnas.base: must be mobilenet_v2, smallest or a sample of the space (got 'largest')")]
    [InlineData("base: ''", "memnas.base: must be mobilenet_v2, smallest or a sample of the space (got an empty name)")]
    [InlineData("base: \"mobile\\0net\"", "memnas.base: must be mobilenet_v2, smallest or a sample of the space (got 'mobile\\u0000net')")]
    public void a_setting_outside_its_range_is_refused_under_its_path(string setting, string line)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("memnas:\n  " + setting + "\n"));

        Assert.Equal([line], Problems.Lines(error.Problems));
    }

    [Fact]
    public void the_settings_at_their_bounds_are_accepted()
    {
        var lowest = new MemnasSpec { Rounds = 1, TopK = 1, Patience = 1, HiddenUnits = 4, ControllerEpochs = 1, ControllerLearningRate = 1e-9 };
        var highest = new MemnasSpec { Rounds = 1_000, TopK = 1_000, Patience = 1_000, HiddenUnits = 1_024, ControllerEpochs = 10_000, ControllerLearningRate = 1 };

        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = lowest }));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = highest }));
    }

    [Fact]
    public void a_base_given_as_a_sample_of_the_space_is_accepted_and_one_of_another_space_is_refused_naming_the_decision()
    {
        var space = new ModelSpace(new CampaignSpec());
        var sample = space.Random(new Random(7));

        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = new MemnasSpec { Base = sample.Canonical } }));

        var other = sample.Canonical.Replace("b2.kernel=3", "b2.kernel=7", StringComparison.Ordinal).Replace("b2.kernel=5", "b2.kernel=7", StringComparison.Ordinal);
        var problem = Assert.Single(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Memnas = new MemnasSpec { Base = other } }));
        Assert.Equal("memnas.base", problem.Path);
        Assert.StartsWith("must be mobilenet_v2, smallest or a sample of the space (not a sample of this space: b2.kernel: unknown choice '7'", problem.Message);
    }

    [Fact]
    public void mobilenet_v2_is_refused_as_the_base_of_a_space_without_its_choices_naming_them()
    {
        var spec = SampleSpecs.Custom with { Memnas = new MemnasSpec { Rounds = 2 } };

        // The custom space offers dwconv and mbconv6, skip identity, widths 0.5 and 1.0 and deltas 0 to 2: no mbconv1.
        Assert.Equal(["memnas.base: mobilenet_v2 needs the space to offer op mbconv1"], Problems.Lines(CampaignSpecValidator.Instance.Validate(spec)));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(spec with { Memnas = new MemnasSpec { Rounds = 2, Base = NamedSamples.Smallest } }));
    }

    [Fact]
    public void a_default_section_is_left_alone_except_at_the_door_of_a_memnas_campaign()
    {
        // Other strategies never read the section, so its default base need not fit every space.
        Assert.Empty(CampaignSpecValidator.Instance.Validate(SampleSpecs.Custom));

        Assert.Equal(["memnas.base: mobilenet_v2 needs the space to offer op mbconv1"],
            Problems.Lines(CampaignSpecValidator.Instance.ValidateMemnasCampaign(SampleSpecs.Custom)));
    }

    [Fact]
    public void a_mistake_in_the_space_makes_one_problem_not_a_second_one_for_the_base()
    {
        var spec = new CampaignSpec
        {
            SearchSpace = new SearchSpaceSpec { Ops = ["conv", "mbconv9"] },
            Memnas = new MemnasSpec { Rounds = 2 },
            Reward = new RewardSpec { Kind = RewardSpec.MemoryKind },
        };

        Assert.Equal(["search_space.ops[1]"], CampaignSpecValidator.Instance.Validate(spec).Select(p => p.Path));
        Assert.Equal(["search_space.ops[1]"], CampaignSpecValidator.Instance.ValidateMemnasCampaign(spec with { Memnas = new MemnasSpec() }).Select(p => p.Path));
        Assert.Equal(["skeleton.blocks[0].layers"], CampaignSpecValidator.Instance.Validate(spec with
        {
            SearchSpace = new SearchSpaceSpec(), Skeleton = new SkeletonSpec { Blocks = [new(16, 0, 1)] },
        }).Select(p => p.Path));
        Assert.Equal(["target.input"], CampaignSpecValidator.Instance.Validate(spec with
        {
            SearchSpace = new SearchSpaceSpec(), Target = new TargetSpec { Input = null! },
        }).Select(p => p.Path));
    }

    [Fact]
    public void every_problem_of_the_section_is_reported_at_once_each_under_its_path()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            memnas:
              base: biggest
              rounds: 0
              top_k: 0
              hidden_units: 2
              controller_learning_rate: 2
            """));

        Assert.Equal(["memnas.base", "memnas.rounds", "memnas.top_k", "memnas.hidden_units", "memnas.controller_learning_rate"], error.Problems.Select(p => p.Path));
    }
}
