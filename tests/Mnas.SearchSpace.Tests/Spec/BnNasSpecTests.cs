using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

public class BnNasSpecTests
{
    [Fact]
    public void the_defaults_are_fbnets_candidates_less_skip_a_tenth_of_the_epochs_and_an_evolution_of_50_by_20()
    {
        var bnnas = new CampaignSpec().Bnnas;

        Assert.Equal(["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6"], bnnas.Candidates);
        Assert.Equal((10, 0.1, "bn", 50, 20), (bnnas.Epochs, bnnas.BnShare, bnnas.Training, bnnas.Population, bnnas.Iterations));
        Assert.Equal(1, bnnas.TrainedEpochs());
        Assert.Null(bnnas.MaxLatencyMs);
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
    }

    [Theory]
    [InlineData(10, 0.1, "bn", 1)]
    [InlineData(120, 0.1, "bn", 12)]
    [InlineData(3, 0.1, "bn", 1)]
    [InlineData(10, 0.25, "bn", 3)]
    [InlineData(10, 0.1, "full", 10)]
    public void bn_only_training_runs_its_share_of_the_epochs_and_at_least_one(int epochs, double share, string training, int trained)
    {
        Assert.Equal(trained, new BnNasSpec { Epochs = epochs, BnShare = share, Training = training }.TrainedEpochs());
    }

    [Fact]
    public void a_bnnas_section_loads_from_yaml_and_goes_back_to_the_same_json()
    {
        var spec = CampaignSpecLoader.FromYaml("""
            bnnas:
              candidates: [k3_e6, k5_e1_g2]
              epochs: 20
              bn_share: 0.2
              training: full
              population: 30
              iterations: 5
              parents: 6
              mutation_probability: 0.2
              samples: 3
              max_latency_ms: 4.5
              max_params: 200000
              max_macs: 3000000
              max_peak_activation_bytes: 65536
            """);

        var bnnas = spec.Bnnas;
        Assert.Equal(["k3_e6", "k5_e1_g2"], bnnas.Candidates);
        Assert.Equal((20, 0.2, "full", 30, 5, 6, 0.2, 3), (bnnas.Epochs, bnnas.BnShare, bnnas.Training, bnnas.Population, bnnas.Iterations, bnnas.Parents,
            bnnas.MutationProbability, bnnas.Samples));
        Assert.Equal((4.5, 200_000L, 3_000_000L, 65_536L), (bnnas.MaxLatencyMs, bnnas.MaxParams, bnnas.MaxMacs, bnnas.MaxPeakActivationBytes));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
        Assert.NotEqual(spec, spec with { Bnnas = bnnas with { MaxMacs = null } });
    }

    [Fact]
    public void every_problem_of_the_section_is_named_by_its_field_and_skip_is_refused_as_unscorable()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            bnnas:
              candidates: [k3_e6, skip, k4_e1]
              epochs: 0
              bn_share: 1.5
              training: half
              population: 10
              parents: 11
              mutation_probability: 0
              samples: 0
              max_latency_ms: -1
              max_params: 0
            """));

        Assert.Contains("bnnas.candidates[1]: skip ends with no batch norm, and BN-NAS scores each candidate by its last batch norm: leave it out",
            Problems.Lines(error.Problems));
        Assert.Equal(
            ["bnnas.candidates[2]", "bnnas.epochs", "bnnas.bn_share", "bnnas.training", "bnnas.parents", "bnnas.mutation_probability", "bnnas.samples",
                "bnnas.max_latency_ms", "bnnas.max_params"],
            error.Problems.Select(p => p.Path).Where(p => p != "bnnas.candidates[1]"));
    }
}
