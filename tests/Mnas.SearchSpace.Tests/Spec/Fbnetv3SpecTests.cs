using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>The fbnetv3 section: its defaults, how files read and write it, and its settings held to their ranges.</summary>
public class Fbnetv3SpecTests
{
    private const string Section = """
        fbnetv3:
          recipe:
            optimizers: [sgd, adamw]
            learning_rate: {min: 0.01, max: 0.1}
            weight_decay: {values: [0, 1.0e-5, 4.0e-5]}
            epochs: {min: 1, max: 3}
            batch_size: {values: [32, 64]}
            label_smoothing: {min: 0, max: 0.1}
            dropout: {values: [0.1]}
            stochastic_depth: {min: 0, max: 0.1}
            mixup_alpha: {values: [0, 0.2]}
            ema_decay: {min: 0.9, max: 0.999}
          hidden_units: 32
          pretrain_architectures: 200
          pretrain_epochs: 10
          predictor_epochs: 50
          frozen_epochs: 20
          predictor_learning_rate: 0.01
          rounds: 2
          children_per_round: 4
          pool: 64
          population: 16
          top_k: 4
          mutation_probability: 0.3
          max_iterations: 5
          threshold: 0.01
          final_children: 2
          max_latency_ms: 20
          max_params: 3000000
          max_macs: 300000000
          max_peak_activation_bytes: 4000000
        """;

    [Fact]
    public void the_defaults_search_every_optimizer_and_validate()
    {
        var fbnetv3 = new CampaignSpec().Fbnetv3;

        Assert.Equal(["sgd", "rmsprop", "adamw"], fbnetv3.Recipe.Optimizers);
        Assert.Null(fbnetv3.MaxLatencyMs);
        Assert.Equal(3 * 8 + 4, fbnetv3.TrainedChildren());
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec()));
    }

    [Fact]
    public void an_fbnetv3_section_with_ranges_and_lists_loads_from_yaml()
    {
        var fbnetv3 = CampaignSpecLoader.FromYaml(Section).Fbnetv3;

        var recipe = fbnetv3.Recipe;
        Assert.Equal(["sgd", "adamw"], recipe.Optimizers);
        Assert.Equal(RecipeRange.Between(0.01, 0.1), recipe.LearningRate);
        Assert.Equal(RecipeRange.OneOf(0, 1e-5, 4e-5), recipe.WeightDecay);
        Assert.Equal(RecipeRange.Between(1, 3), recipe.Epochs);
        Assert.Equal(RecipeRange.OneOf(32, 64), recipe.BatchSize);
        Assert.True(recipe.BatchSize.IsList);
        Assert.False(recipe.Epochs.IsList);
        Assert.Equal(RecipeRange.OneOf(0.1), recipe.Dropout);
        Assert.Equal(RecipeRange.Between(0.9, 0.999), recipe.EmaDecay);
        Assert.Equal((32, 200, 10, 50, 20, 0.01), (fbnetv3.HiddenUnits, fbnetv3.PretrainArchitectures, fbnetv3.PretrainEpochs, fbnetv3.PredictorEpochs,
            fbnetv3.FrozenEpochs, fbnetv3.PredictorLearningRate));
        Assert.Equal((2, 4, 64, 16, 4, 0.3, 5, 0.01, 2), (fbnetv3.Rounds, fbnetv3.ChildrenPerRound, fbnetv3.Pool, fbnetv3.Population, fbnetv3.TopK,
            fbnetv3.MutationProbability, fbnetv3.MaxIterations, fbnetv3.Threshold, fbnetv3.FinalChildren));
        Assert.Equal((20.0, 3_000_000L, 300_000_000L, 4_000_000L), (fbnetv3.MaxLatencyMs, fbnetv3.MaxParams, fbnetv3.MaxMacs, fbnetv3.MaxPeakActivationBytes));
    }

    [Fact]
    public void an_fbnetv3_section_goes_through_the_writer_and_back_to_an_equal_spec()
    {
        var spec = CampaignSpecLoader.FromYaml(Section);

        var yaml = CampaignSpecWriter.ToYaml(spec);
        var json = CampaignSpecWriter.ToJson(spec);

        Assert.Equal(spec, CampaignSpecLoader.FromYaml(yaml));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(json));
        Assert.Contains("\"learning_rate\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("is_list", json, StringComparison.Ordinal);
        Assert.NotEqual(spec, spec with { Fbnetv3 = spec.Fbnetv3 with { Recipe = spec.Fbnetv3.Recipe with { BatchSize = RecipeRange.OneOf(32, 128) } } });
        Assert.NotEqual(spec, spec with { Fbnetv3 = spec.Fbnetv3 with { Recipe = spec.Fbnetv3.Recipe with { Epochs = RecipeRange.Between(1, 4) } } });
    }

    [Fact]
    public void the_default_spec_goes_through_the_writer_and_back_to_an_equal_spec()
    {
        var spec = new CampaignSpec();

        Assert.Equal(spec, CampaignSpecLoader.FromYaml(CampaignSpecWriter.ToYaml(spec)));
        Assert.Equal(spec, CampaignSpecLoader.FromJson(CampaignSpecWriter.ToJson(spec)));
    }

    [Fact]
    public void a_recipe_dimension_left_out_keeps_its_default_and_one_given_replaces_it_whole()
    {
        var recipe = CampaignSpecLoader.FromYaml("""
            fbnetv3:
              recipe:
                batch_size: {min: 16, max: 64}
            """).Fbnetv3.Recipe;

        Assert.Equal(RecipeRange.Between(16, 64), recipe.BatchSize);
        Assert.Equal(new RecipeSpaceSpec().LearningRate, recipe.LearningRate);
        Assert.Equal(new RecipeSpaceSpec().Optimizers, recipe.Optimizers);
    }

    [Fact]
    public void null_is_refused_for_the_section_and_its_settings_and_means_left_out_for_the_optional_ones()
    {
        var refused = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson(
            """{"fbnetv3": {"recipe": {"learning_rate": null, "optimizers": null}, "rounds": null}}"""));
        Assert.Equal(["fbnetv3.recipe.learning_rate: must not be null", "fbnetv3.recipe.optimizers: must not be null", "fbnetv3.rounds: must not be null"],
            Problems.Lines(refused.Problems));
        var section = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromJson("""{"fbnetv3": null}"""));
        Assert.Equal(["fbnetv3: must not be null"], Problems.Lines(section.Problems));

        var spec = CampaignSpecLoader.FromJson("""
            {"fbnetv3": {"max_latency_ms": null, "max_params": null, "max_macs": null, "max_peak_activation_bytes": null,
                         "recipe": {"learning_rate": {"min": 0.001, "max": 0.2, "values": null}, "batch_size": {"values": [32, 64, 128], "min": null}}}}
            """);
        Assert.Equal(new CampaignSpec(), spec);
    }

    [Fact]
    public void an_unknown_key_in_a_recipe_dimension_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            fbnetv3:
              recipe:
                epochs: {low: 1, high: 3}
            """));

        Assert.Equal(["fbnetv3.recipe.epochs.low: unknown key (known: min, max, values)", "fbnetv3.recipe.epochs.high: unknown key (known: min, max, values)"],
            Problems.Lines(error.Problems));
    }

    [Theory]
    [InlineData("hidden_units: 3", "fbnetv3.hidden_units: must be in 4..1024 (got 3)")]
    [InlineData("hidden_units: 1025", "fbnetv3.hidden_units: must be in 4..1024 (got 1025)")]
    [InlineData("pretrain_architectures: 0", "fbnetv3.pretrain_architectures: must be in 1..100000 (got 0)")]
    [InlineData("pretrain_architectures: 100001", "fbnetv3.pretrain_architectures: must be in 1..100000 (got 100001)")]
    [InlineData("pretrain_epochs: 0", "fbnetv3.pretrain_epochs: must be in 1..10000 (got 0)")]
    [InlineData("predictor_epochs: 10001", "fbnetv3.predictor_epochs: must be in 1..10000 (got 10001)")]
    [InlineData("frozen_epochs: -1", "fbnetv3.frozen_epochs: must be in 0..9999 (got -1)")]
    [InlineData("predictor_learning_rate: 0", "fbnetv3.predictor_learning_rate: must be in (0, 1] (got 0)")]
    [InlineData("predictor_learning_rate: 1.5", "fbnetv3.predictor_learning_rate: must be in (0, 1] (got 1.5)")]
    [InlineData("rounds: 0", "fbnetv3.rounds: must be in 1..100 (got 0)")]
    [InlineData("rounds: 101", "fbnetv3.rounds: must be in 1..100 (got 101)")]
    [InlineData("children_per_round: 0", "fbnetv3.children_per_round: must be in 1..1000 (got 0)")]
    [InlineData("pool: 100001", "fbnetv3.pool: must be in 1..100000 (got 100001)")]
    [InlineData("population: 1", "fbnetv3.population: must be in 2..10000 (got 1)")]
    [InlineData("top_k: 0", "fbnetv3.top_k: must be in 1..10000 (got 0)")]
    [InlineData("mutation_probability: 0", "fbnetv3.mutation_probability: must be in (0, 1] (got 0)")]
    [InlineData("mutation_probability: 1.1", "fbnetv3.mutation_probability: must be in (0, 1] (got 1.1)")]
    [InlineData("max_iterations: 0", "fbnetv3.max_iterations: must be in 1..10000 (got 0)")]
    [InlineData("threshold: -0.1", "fbnetv3.threshold: must be in [0, 1] (got -0.1)")]
    [InlineData("threshold: 2", "fbnetv3.threshold: must be in [0, 1] (got 2)")]
    [InlineData("final_children: -1", "fbnetv3.final_children: must be in 0..1000 (got -1)")]
    [InlineData("final_children: 1001", "fbnetv3.final_children: must be in 0..1000 (got 1001)")]
    [InlineData("max_latency_ms: 0", "fbnetv3.max_latency_ms: must be in (0, 60000] (got 0)")]
    [InlineData("max_latency_ms: 60001", "fbnetv3.max_latency_ms: must be in (0, 60000] (got 60001)")]
    [InlineData("max_params: 0", "fbnetv3.max_params: must be in 1..9007199254740991 (got 0)")]
    [InlineData("max_macs: -5", "fbnetv3.max_macs: must be in 1..9007199254740991 (got -5)")]
    [InlineData("max_peak_activation_bytes: 0", "fbnetv3.max_peak_activation_bytes: must be in 1..9007199254740991 (got 0)")]
    [InlineData("frozen_epochs: 300",
        "fbnetv3.frozen_epochs: must be below fbnetv3.predictor_epochs, so that the encoder trains with the head at all (got 300 of 300)")]
    [InlineData("pool: 7", "fbnetv3.pool: must be at least fbnetv3.children_per_round, the children a round picks from it (got 7 for 8)")]
    [InlineData("top_k: 65", "fbnetv3.top_k: must be at most fbnetv3.population, the pairs it is kept from (got 65 of 64)")]
    public void a_setting_outside_its_range_is_refused_under_its_path(string setting, string line)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("fbnetv3:\n  " + setting + "\n"));

        Assert.Equal([line], Problems.Lines(error.Problems));
    }

    [Fact]
    public void the_settings_at_their_bounds_are_accepted()
    {
        var lowest = new Fbnetv3Spec
        {
            HiddenUnits = 4, PretrainArchitectures = 1, PretrainEpochs = 1, PredictorEpochs = 1, FrozenEpochs = 0, PredictorLearningRate = 1e-9,
            Rounds = 1, ChildrenPerRound = 1, Pool = 1, Population = 2, TopK = 1, MutationProbability = 1e-9, MaxIterations = 1, Threshold = 0,
            FinalChildren = 0, MaxLatencyMs = 1e-9, MaxParams = 1, MaxMacs = 1, MaxPeakActivationBytes = 1,
        };
        var highest = new Fbnetv3Spec
        {
            HiddenUnits = 1024, PretrainArchitectures = 100_000, PretrainEpochs = 10_000, PredictorEpochs = 10_000, FrozenEpochs = 9_999,
            PredictorLearningRate = 1, Rounds = 100, ChildrenPerRound = 1_000, Pool = 100_000, Population = 10_000, TopK = 10_000,
            MutationProbability = 1, MaxIterations = 10_000, Threshold = 1, FinalChildren = 1_000, MaxLatencyMs = 60_000,
            MaxParams = 9_007_199_254_740_991, MaxMacs = 9_007_199_254_740_991, MaxPeakActivationBytes = 9_007_199_254_740_991,
        };

        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Fbnetv3 = lowest }));
        Assert.Empty(CampaignSpecValidator.Instance.Validate(new CampaignSpec { Fbnetv3 = highest }));
    }

    [Fact]
    public void every_problem_of_the_section_is_reported_at_once_each_under_its_path()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            fbnetv3:
              recipe:
                optimizers: [adamw, adam]
                epochs: {min: 0, max: 3}
              hidden_units: 2
              rounds: 0
              population: 1
              threshold: 5
            """));

        Assert.Equal(["fbnetv3.recipe.optimizers[1]", "fbnetv3.recipe.epochs.min", "fbnetv3.hidden_units", "fbnetv3.rounds", "fbnetv3.population", "fbnetv3.threshold"],
            error.Problems.Select(p => p.Path));
    }
}
