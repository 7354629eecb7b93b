using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Tests.Spec;

/// <summary>
/// The searched recipe space (<c>fbnetv3.recipe</c>): known optimisers once each, and every dimension a range or a list
/// whose bounds and values are those its proxy field accepts, each problem under its path.
/// </summary>
public class RecipeSpaceValidationTests
{
    private static string[] Refusal(string recipe)
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("fbnetv3:\n  recipe:\n    " + recipe + "\n"));
        return Problems.Lines(error.Problems);
    }

    private static IReadOnlyList<SpecProblem> ProblemsOf(RecipeSpaceSpec recipe) =>
        CampaignSpecValidator.Instance.Validate(new CampaignSpec { Fbnetv3 = new Fbnetv3Spec { Recipe = recipe } });

    [Theory]
    [InlineData("optimizers: []", "fbnetv3.recipe.optimizers: empty choice list")]
    [InlineData("optimizers: [sgd, adam]", "fbnetv3.recipe.optimizers[1]: unknown optimizer 'adam' (known: sgd, rmsprop, adamw)")]
    [InlineData("optimizers: [adamw, adamw]", "fbnetv3.recipe.optimizers[1]: duplicate choice 'adamw'")]
    [InlineData("optimizers: [sgd, rmsprop, adamw, sgd]", "fbnetv3.recipe.optimizers: must hold 1..3 items (got 4)")]
    public void the_optimizers_must_be_known_ones_each_at_most_once(string recipe, string line)
    {
        Assert.Equal([line], Refusal(recipe));
    }

    [Theory]
    [InlineData("learning_rate: {min: 0.1, max: 0.2, values: [0.1]}", "fbnetv3.recipe.learning_rate: give either min and max (a range) or values (a list), not both")]
    [InlineData("batch_size: {max: 64, values: [32]}", "fbnetv3.recipe.batch_size: give either min and max (a range) or values (a list), not both")]
    [InlineData("dropout: {}", "fbnetv3.recipe.dropout: give min and max (a range) or values (a list)")]
    [InlineData("dropout: {min: null, max: null}", "fbnetv3.recipe.dropout: give min and max (a range) or values (a list)")]
    [InlineData("epochs: {min: 1}", "fbnetv3.recipe.epochs.max: required with min: a range needs both ends")]
    [InlineData("epochs: {max: 3}", "fbnetv3.recipe.epochs.min: required with max: a range needs both ends")]
    [InlineData("mixup_alpha: {values: []}", "fbnetv3.recipe.mixup_alpha.values: must hold at least one value")]
    [InlineData("ema_decay: {values: [0.9, 0.99, 0.9]}", "fbnetv3.recipe.ema_decay.values[2]: duplicate value 0.9")]
    [InlineData("label_smoothing: {min: 0.2, max: 0.1}", "fbnetv3.recipe.label_smoothing.min: must not be above max (got 0.2 > 0.1)")]
    public void a_dimension_is_a_range_with_both_ends_in_order_or_a_list_of_different_values(string recipe, string line)
    {
        Assert.Equal([line], Refusal(recipe));
    }

    [Fact]
    public void a_list_may_hold_at_most_64_values()
    {
        var values = Enumerable.Range(1, 65).Select(i => (double)i).ToArray();

        Assert.Equal(["fbnetv3.recipe.epochs.values: must hold at most 64 values (got 65)"],
            Problems.Lines(ProblemsOf(new RecipeSpaceSpec { Epochs = RecipeRange.OneOf(values) })));
        Assert.Empty(ProblemsOf(new RecipeSpaceSpec { Epochs = RecipeRange.OneOf(values[..50]), BatchSize = RecipeRange.OneOf(values[..64]) }));
    }

    [Theory]
    [InlineData("learning_rate: {min: 0, max: 0.1}", "fbnetv3.recipe.learning_rate.min: must be in (0, 10] (got 0)")]
    [InlineData("learning_rate: {min: 0.1, max: 11}", "fbnetv3.recipe.learning_rate.max: must be in (0, 10] (got 11)")]
    [InlineData("learning_rate: {values: [0.1, 0]}", "fbnetv3.recipe.learning_rate.values[1]: must be in (0, 10] (got 0)")]
    [InlineData("weight_decay: {min: -1.0e-5, max: 1.0e-4}", "fbnetv3.recipe.weight_decay.min: must be in [0, 0.1] (got -1E-05)")]
    [InlineData("weight_decay: {min: 1.0e-5, max: 0.5}", "fbnetv3.recipe.weight_decay.max: must be in [0, 0.1] (got 0.5)")]
    [InlineData("weight_decay: {values: [0.2]}", "fbnetv3.recipe.weight_decay.values[0]: must be in [0, 0.1] (got 0.2)")]
    [InlineData("epochs: {min: 0, max: 3}", "fbnetv3.recipe.epochs.min: must be in 1..50 (got 0)")]
    [InlineData("epochs: {min: 1, max: 51}", "fbnetv3.recipe.epochs.max: must be in 1..50 (got 51)")]
    [InlineData("epochs: {min: 1.5, max: 3}", "fbnetv3.recipe.epochs.min: must be a whole number in 1..50 (got 1.5)")]
    [InlineData("epochs: {values: [2, 2.5]}", "fbnetv3.recipe.epochs.values[1]: must be a whole number in 1..50 (got 2.5)")]
    [InlineData("batch_size: {values: [32, 2048]}", "fbnetv3.recipe.batch_size.values[1]: must be in 1..1024 (got 2048)")]
    [InlineData("batch_size: {min: 16, max: 64.5}", "fbnetv3.recipe.batch_size.max: must be a whole number in 1..1024 (got 64.5)")]
    [InlineData("label_smoothing: {min: 0, max: 1}", "fbnetv3.recipe.label_smoothing.max: must be in [0, 1) (got 1)")]
    [InlineData("dropout: {values: [-0.1]}", "fbnetv3.recipe.dropout.values[0]: must be in [0, 1) (got -0.1)")]
    [InlineData("stochastic_depth: {min: 0, max: 1}", "fbnetv3.recipe.stochastic_depth.max: must be in [0, 1) (got 1)")]
    [InlineData("mixup_alpha: {min: 0, max: 11}", "fbnetv3.recipe.mixup_alpha.max: must be in [0, 10] (got 11)")]
    [InlineData("ema_decay: {values: [0, 1]}", "fbnetv3.recipe.ema_decay.values[1]: must be in [0, 1) (got 1)")]
    public void every_bound_and_value_is_held_to_its_proxy_fields_range(string recipe, string line)
    {
        Assert.Equal([line], Refusal(recipe));
    }

    [Fact]
    public void a_weight_decay_range_cannot_start_at_0_on_its_log_scale_but_a_list_may_hold_0()
    {
        Assert.Equal(
            ["fbnetv3.recipe.weight_decay.min: must be above 0: a range is searched on a log scale (got 0); list 0 among values instead to try none"],
            Refusal("weight_decay: {min: 0, max: 1.0e-4}"));
        Assert.Empty(ProblemsOf(new RecipeSpaceSpec { WeightDecay = RecipeRange.OneOf(0, 1e-5, 1e-4) }));
        Assert.Empty(ProblemsOf(new RecipeSpaceSpec { WeightDecay = RecipeRange.Between(1e-6, 0.1) }));
    }

    [Fact]
    public void ranges_and_lists_at_the_proxy_fields_bounds_are_accepted()
    {
        var recipe = new RecipeSpaceSpec
        {
            Optimizers = [ProxySpec.AdamW],
            LearningRate = RecipeRange.Between(1e-9, 10),
            WeightDecay = RecipeRange.OneOf(0, 0.1),
            Epochs = RecipeRange.Between(1, 50),
            BatchSize = RecipeRange.OneOf(1, 1024),
            LabelSmoothing = RecipeRange.Between(0, 0.999),
            Dropout = RecipeRange.OneOf(0, 0.999),
            StochasticDepth = RecipeRange.Between(0.5, 0.5),
            MixupAlpha = RecipeRange.Between(0, 10),
            EmaDecay = RecipeRange.OneOf(0.9999),
        };

        Assert.Empty(ProblemsOf(recipe));
    }

    [Fact]
    public void every_problem_of_the_recipe_is_reported_at_once()
    {
        var error = Assert.Throws<SpecException>(() => CampaignSpecLoader.FromYaml("""
            fbnetv3:
              recipe:
                optimizers: [sgd, lamb]
                learning_rate: {min: 0.5, max: 0.1}
                weight_decay: {min: 0, max: 0.01}
                batch_size: {values: []}
                ema_decay: {min: 0.9, max: 0.99, values: [0.9]}
            """));

        Assert.Equal(
            ["fbnetv3.recipe.optimizers[1]", "fbnetv3.recipe.learning_rate.min", "fbnetv3.recipe.weight_decay.min", "fbnetv3.recipe.batch_size.values",
                "fbnetv3.recipe.ema_decay"],
            error.Problems.Select(p => p.Path));
    }
}
