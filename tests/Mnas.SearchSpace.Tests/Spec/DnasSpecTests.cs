using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

public class DnasSpecTests
{
    [Fact]
    public void the_defaults_are_fbnets_nine_candidates_and_its_schedule()
    {
        var dnas = new CampaignSpec().Dnas;

        Assert.Equal(["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"], dnas.Candidates);
        Assert.Equal((5.0, 0.956, 0.2, 0.6, 6), (dnas.InitialTemperature, dnas.TemperatureDecay, dnas.Alpha, dnas.Beta, dnas.Samples));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
    }

    [Fact]
    public void a_dnas_section_loads_from_yaml_and_goes_back_to_the_same_json()
    {
        var spec = CampaignSpecLoader.FromYaml("""
            dnas:
              candidates: [k3_e6, k5_e1_g4, skip]
              epochs: 4
              warmup_epochs: 1
              samples: 3
              widths: [0.5, 1.0]
              resolutions: [1, 2, 4]
              hard: true
            """);

        Assert.Equal(["k3_e6", "k5_e1_g4", "skip"], spec.Dnas.Candidates);
        Assert.Equal([1, 2, 4], spec.Dnas.Resolutions);
        Assert.True(spec.Dnas.Hard);
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
    }

    [Fact]
    public void every_problem_of_the_section_is_named_by_its_field()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            dnas:
              candidates: [k3_e6, k4_e1, k3_e6, k3_e1_g1]
              epochs: 3
              warmup_epochs: 3
              temperature_decay: 1.5
              samples: 0
              widths: [0.5, -1]
              resolutions: [2, 9]
            """));

        Assert.Equal(
            [
                "dnas.candidates[1]: candidate 'k4_e1': the kernel must be odd and at most 11, the expansion at least 1",
                "dnas.candidates[2]: duplicate choice 'k3_e6'",
                "dnas.candidates[3]: candidate 'k3_e1_g1': a grouped candidate has at least 2 groups (leave _g out for none)",
                "dnas.warmup_epochs: must be below dnas.epochs so that θ trains at all (got 3 of 3)",
            ],
            Problems.Lines(error.Problems).Where(p => p.StartsWith("dnas.candidates", StringComparison.Ordinal) || p.StartsWith("dnas.warmup", StringComparison.Ordinal)));
        Assert.Equal(["dnas.temperature_decay", "dnas.samples", "dnas.widths[1]", "dnas.resolutions[1]", "dnas.resolutions"],
            error.Problems.Select(p => p.Path).Where(p => !p.StartsWith("dnas.candidates", StringComparison.Ordinal) && p != "dnas.warmup_epochs"));
    }

    [Theory]
    [InlineData("skip", null)]
    [InlineData("k3_e6", null)]
    [InlineData("k5_e1_g2", null)]
    [InlineData("k13_e1", "at most 11")]
    [InlineData("k3_e0", "expansion at least 1")]
    [InlineData("conv", "none of")]
    [InlineData("k3_e6\n", "none of")]
    public void candidate_names_are_checked(string name, string? problem)
    {
        if (problem == null)
        {
            Assert.Null(SupernetCandidate.Problem(name));
            Assert.Equal(name, SupernetCandidate.Parse(name).Name);
        }
        else
        {
            Assert.Contains(problem, SupernetCandidate.Problem(name));
            Assert.DoesNotContain("\n", SupernetCandidate.Problem(name));
            Assert.Throws<ArgumentException>(() => SupernetCandidate.Parse(name));
        }
    }

    [Theory]
    [InlineData("k3_e6-skip-k5_e1_g2")]
    [InlineData("k3_e6-skip@1-0.5")]
    [InlineData("k3_e6-skip@0.75-1/r2")]
    [InlineData("k3_e6/r4")]
    public void a_supernet_childs_name_reads_back_as_written(string name)
    {
        Assert.Equal(name, SupernetChildName.Parse(name).ToString());
    }

    [Theory]
    [InlineData("k3_e6--skip")]
    [InlineData("k3_e6-skip@1")]
    [InlineData("k3_e6@x")]
    [InlineData("k3_e6/r0")]
    [InlineData("k3_e6/rx")]
    public void a_malformed_childs_name_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => SupernetChildName.Parse(name));
    }
}
