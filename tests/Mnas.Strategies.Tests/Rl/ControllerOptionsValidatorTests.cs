using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Rewards;
using Mnas.Strategies.Rl;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerOptionsValidatorTests
{
    [Fact]
    public void the_defaults_are_mnasnets_and_valid()
    {
        var options = new ControllerOptions();

        Assert.Empty(ControllerOptionsValidator.Instance.Validate(options));
        Assert.Equal(100, options.HiddenSize);
        Assert.Equal(0.1, options.InitRange);
        Assert.Equal(UpdateRule.Ppo, options.Rule);
        Assert.Equal(3.5e-4, options.LearningRate);
        Assert.Equal(0.2, options.ClipEpsilon);
        Assert.Equal(1e-5, options.EntropyCoefficient);
        Assert.Equal(0.95, options.BaselineDecay);
        Assert.Equal(20, options.MinibatchSize);
        Assert.Equal(1, options.Epochs);
        Assert.Equal(0, options.PolicyLag);
        Assert.Equal(FailurePolicy.Exclude, options.Failure.Policy);
    }

    [Fact]
    public void every_bad_field_is_named_with_its_value()
    {
        var options = new ControllerOptions
        {
            HiddenSize = 0,
            LearningRate = -1,
            ClipEpsilon = 1.5,
            BaselineDecay = 1,
            MinibatchSize = 0,
            Epochs = 0,
            PolicyLag = -1,
            Failure = new FailureOptions { Policy = (FailurePolicy)9 },
        };

        var problems = ControllerOptionsValidator.Instance.Validate(options).Select(p => p.ToString()).ToArray();

        Assert.Equal(
        [
            "hidden_size: must be at least 1 (got 0)",
            "learning_rate: must be positive (got -1)",
            "clip_epsilon: must be in (0, 1) (got 1.5)",
            "baseline_decay: must be in [0, 1) (got 1)",
            "minibatch_size: must be at least 1 (got 0)",
            "epochs: must be at least 1 (got 0)",
            "policy_lag: must be in [0, 100000] (got -1)",
            "failure.policy: must be one of Exclude, Zero (got 9)",
        ], problems);
    }

    [Fact]
    public void a_strategy_with_bad_options_fails_at_construction_naming_the_setting()
    {
        var error = Assert.Throws<SpecException>(() => new RlStrategy(new ControllerOptions { EntropyCoefficient = -1e-5 }));

        Assert.Equal("entropy_coefficient", Assert.Single(error.Problems).Path);
        Assert.Contains("controller options is invalid (1 problem)", error.Message);
    }
}
