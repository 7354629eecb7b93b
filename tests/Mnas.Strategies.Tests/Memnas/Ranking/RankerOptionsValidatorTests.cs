using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

public sealed class RankerOptionsValidatorTests
{
    [Fact]
    public void the_defaults_are_valid()
    {
        Assert.Empty(RankerOptionsValidator.Instance.Validate(new RankerOptions()));
    }

    [Fact]
    public void every_bad_field_is_named_with_its_rule_and_value()
    {
        var options = new RankerOptions { HiddenUnits = 3, Epochs = 0, LearningRate = 0 };

        var problems = RankerOptionsValidator.Instance.Validate(options).Select(p => p.ToString()).ToArray();

        Assert.Equal(
        [
            "hidden_units: must be in [4, 1024] (got 3)",
            "epochs: must be in [1, 10000] (got 0)",
            "learning_rate: must be in (0, 1] (got 0)",
        ], problems);
    }

    [Theory]
    [InlineData(1025, 1, 0.1, "hidden_units: must be in [4, 1024] (got 1025)")]
    [InlineData(32, 10_001, 0.1, "epochs: must be in [1, 10000] (got 10001)")]
    [InlineData(32, 1, 1.5, "learning_rate: must be in (0, 1] (got 1.5)")]
    [InlineData(32, 1, -0.001, "learning_rate: must be in (0, 1] (got -0.001)")]
    [InlineData(32, 1, double.NaN, "learning_rate: must be in (0, 1] (got NaN)")]
    public void a_value_past_either_end_is_refused(int hiddenUnits, int epochs, double learningRate, string expected)
    {
        var options = new RankerOptions { HiddenUnits = hiddenUnits, Epochs = epochs, LearningRate = learningRate };

        Assert.Equal(expected, Assert.Single(RankerOptionsValidator.Instance.Validate(options)).ToString());
    }

    [Fact]
    public void the_ends_of_every_range_are_allowed()
    {
        Assert.Empty(RankerOptionsValidator.Instance.Validate(new RankerOptions { HiddenUnits = 4, Epochs = 1, LearningRate = 1 }));
        Assert.Empty(RankerOptionsValidator.Instance.Validate(new RankerOptions { HiddenUnits = 1024, Epochs = 10_000, LearningRate = 1e-9 }));
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void a_ranker_refuses_bad_options_before_building_anything(string kind)
    {
        var error = Assert.Throws<SpecException>(() => Rankers.Create(kind, new RankerOptions { Epochs = -5 }));
        Assert.Equal("ranker options is invalid (1 problem):\n  epochs: must be in [1, 10000] (got -5)", error.Message);
    }
}
