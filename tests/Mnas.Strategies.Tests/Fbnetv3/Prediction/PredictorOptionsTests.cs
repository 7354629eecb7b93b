using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Tests.Fbnetv3.Prediction;

public sealed class PredictorOptionsTests
{
    [Fact]
    public void the_defaults_are_valid()
    {
        Assert.Empty(PredictorOptionsValidator.Instance.Validate(new PredictorOptions()));
    }

    [Fact]
    public void every_bad_field_is_named()
    {
        var options = new PredictorOptions
        {
            HiddenUnits = 0, PretrainEpochs = -1, Epochs = 0, FrozenEpochs = 5, LearningRate = double.NaN, HuberDelta = 0, BatchSize = 0,
        };
        var paths = PredictorOptionsValidator.Instance.Validate(options).Select(p => p.Path).ToArray();
        Assert.Equal(["hidden_units", "pretrain_epochs", "epochs", "frozen_epochs", "learning_rate", "huber_delta", "batch_size"], paths);
    }

    [Fact]
    public void frozen_epochs_may_not_exceed_the_epochs()
    {
        var problems = PredictorOptionsValidator.Instance.Validate(new PredictorOptions { Epochs = 50, FrozenEpochs = 51 });
        var problem = Assert.Single(problems);
        Assert.Equal("frozen_epochs", problem.Path);
        Assert.Contains("51", problem.Message);
        Assert.Empty(PredictorOptionsValidator.Instance.Validate(new PredictorOptions { Epochs = 50, FrozenEpochs = 50 }));
    }

    [Fact]
    public void a_campaign_section_gives_its_predictor_settings_and_the_seed()
    {
        var spec = new Fbnetv3Spec { HiddenUnits = 32, PretrainEpochs = 7, PredictorEpochs = 90, FrozenEpochs = 30, PredictorLearningRate = 0.01 };
        var options = PredictorOptions.From(spec, seed: 42);
        Assert.Equal(new PredictorOptions { HiddenUnits = 32, PretrainEpochs = 7, Epochs = 90, FrozenEpochs = 30, LearningRate = 0.01, Seed = 42 },
            options);
    }
}
