using Mnas.SearchSpace.Spec;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class RecipeOptionsTests
{
    public static TheoryData<string, TrainingOptions> BadRecipes => new()
    {
        { "optimizer: must be one of sgd, rmsprop, adamw (got 'adam')", new TrainingOptions { Optimizer = "adam" } },
        { "dropout: must lie in [0, 1) (got 1)", new TrainingOptions { Dropout = 1 } },
        { "dropout: must lie in [0, 1) (got -0.1)", new TrainingOptions { Dropout = -0.1 } },
        { "stochastic_depth: must lie in [0, 1) (got 1)", new TrainingOptions { StochasticDepth = 1 } },
        { "mixup_alpha: must be 0 or more and finite (got -0.5)", new TrainingOptions { MixupAlpha = -0.5 } },
        { "mixup_alpha: must be 0 or more and finite (got NaN)", new TrainingOptions { MixupAlpha = double.NaN } },
        { "ema_decay: must lie in [0, 1) (got 1)", new TrainingOptions { EmaDecay = 1 } },
    };

    [Theory]
    [MemberData(nameof(BadRecipes))]
    public void a_bad_recipe_setting_is_refused_naming_the_setting(string problem, TrainingOptions options)
    {
        Assert.Equal([problem], options.Validate());
        var e = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void the_recipes_defaults_are_sgd_with_every_extra_off_and_valid()
    {
        var options = new TrainingOptions();
        Assert.Empty(options.Validate());
        Assert.Equal((ProxySpec.Sgd, (double?)null, 0.0, 0.0, 0.0),
            (options.Optimizer, options.Dropout, options.StochasticDepth, options.MixupAlpha, options.EmaDecay));
        Assert.Empty(new TrainingOptions { Optimizer = ProxySpec.AdamW, Dropout = 0, StochasticDepth = 0.2, MixupAlpha = 0.4, EmaDecay = 0.999 }.Validate());
    }

    [Fact]
    public void the_proxy_specs_recipe_reaches_the_training_options()
    {
        var spec = new ProxySpec
        {
            Optimizer = ProxySpec.RmsProp, LearningRate = 0.01, Momentum = 0.8, WeightDecay = 1e-4, LabelSmoothing = 0.1, Dropout = 0.3,
            StochasticDepth = 0.15, MixupAlpha = 0.2, EmaDecay = 0.99, Epochs = 7, BatchSize = 32, Seed = 4,
        };
        var training = ProxyTrainingPlan.FromSpec(spec).Training;
        Assert.Equal((ProxySpec.RmsProp, 0.01, 0.8, 1e-4, 0.1), (training.Optimizer, training.LearningRate, training.Momentum, training.WeightDecay, training.LabelSmoothing));
        Assert.Equal((0.3, 0.15, 0.2, 0.99), (training.Dropout, training.StochasticDepth, training.MixupAlpha, training.EmaDecay));
        Assert.Equal((7, 4L), (training.Epochs, training.Seed));
        Assert.Null(ProxyTrainingPlan.FromSpec(new ProxySpec()).Training.Dropout);
    }
}
