using Mnas.Strategies.Fbnetv3.Prediction;
using Mnas.Strategies.Statistics;
using Xunit.Abstractions;

namespace Mnas.Strategies.Tests.Fbnetv3.Prediction;

public sealed class AccuracyPredictorTests(ITestOutputHelper output)
{
    /// <summary>Trained children in the comparison with and without pretraining: few, as in a campaign's coarse rounds.</summary>
    private const int FewChildren = 48;

    /// <summary>Trained children in the ranking and recipe checks.</summary>
    private const int TrainedChildren = 96;

    private static readonly SyntheticPairs Synthetic = new();
    private static readonly Pairs Free = Synthetic.Draw(new Random(1), 1000);
    private static readonly Pairs HeldOut = Synthetic.Draw(new Random(2), 300);

    private static Pairs Trained(int seed, int count = TrainedChildren) => Synthetic.Draw(new Random(100 + seed), count);

    private static double HeldOutTau(AccuracyPredictor predictor) => KendallTau.TauB(predictor.Predict(HeldOut.Features), HeldOut.Accuracies);

    private static AccuracyPredictor PretrainedAndFitted(ulong seed, Pairs trained)
    {
        var predictor = new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { Seed = seed });
        predictor.Pretrain(Free.Features, Free.Costs);
        predictor.Fit(trained.Features, trained.Accuracies);
        return predictor;
    }

    [Fact]
    public void pretraining_learns_the_free_labels()
    {
        using var predictor = new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { Seed = 1 });
        Assert.False(predictor.Pretrained);
        var loss = predictor.Pretrain(Free.Features, Free.Costs);
        output.WriteLine($"pretraining's final mean squared error on standardised log MACs and log params: {loss:F4}");
        // The targets have unit variance: an error of 0.1 explains 90% of it.
        Assert.InRange(loss, 0, 0.1);
        Assert.True(predictor.Pretrained);
        Assert.False(predictor.Fitted);
    }

    [Fact]
    public void a_pretrained_predictor_fitted_to_the_trained_children_ranks_held_out_pairs()
    {
        using var predictor = PretrainedAndFitted(1, Trained(1));
        var tau = HeldOutTau(predictor);
        output.WriteLine($"Kendall's tau on 300 held-out pairs after pretraining and {TrainedChildren} trained children: {tau:F3}");
        Assert.True(predictor.Fitted);
        Assert.True(tau >= 0.6, $"tau {tau:F3} is below 0.6");
    }

    [Fact]
    public void pretraining_on_free_labels_ranks_better_than_fitting_the_same_children_alone()
    {
        var gains = new List<double>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var trained = Trained(seed, FewChildren);
            using var plain = new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { Seed = (ulong)seed });
            plain.Fit(trained.Features, trained.Accuracies);
            using var pretrained = PretrainedAndFitted((ulong)seed, trained);
            var (without, with) = (HeldOutTau(plain), HeldOutTau(pretrained));
            output.WriteLine($"seed {seed}, {FewChildren} children: tau without pretraining {without:F3}, with {with:F3}");
            gains.Add(with - without);
        }

        Assert.True(gains.Average() >= 0.1, $"pretraining gains {gains.Average():F3} in tau on average, less than 0.1");
    }

    [Fact]
    public void the_predictor_finds_the_learning_rate_optimum_inside_its_range_which_the_bare_scalar_misses()
    {
        // The synthetic accuracy is best at 0.6 of the learning rate's log range, 0.09 lower at its bottom and 0.04 at its top.
        var (bottom, optimum, top) = LearningRateResponse(Synthetic);
        output.WriteLine($"mean predicted accuracy with the learning rate at 0, 0.6 and 1 of its range: {bottom:F4} {optimum:F4} {top:F4}");
        Assert.True(optimum > bottom && optimum > top, $"{optimum:F4} at the optimum, {bottom:F4} and {top:F4} at the ends");

        var (bareBottom, bareOptimum, bareTop) = LearningRateResponse(new SyntheticPairs(recipeBins: 0));
        output.WriteLine($"the same without the piecewise-linear recipe encoding: {bareBottom:F4} {bareOptimum:F4} {bareTop:F4}");
        Assert.False(bareOptimum > bareBottom && bareOptimum > bareTop, "the bare learning rate found the optimum too: the test shows nothing");
    }

    /// <summary>The mean predicted accuracy of 100 held-out pairs with the learning rate at the bottom, the optimum and the top of its range.</summary>
    private static (double Bottom, double Optimum, double Top) LearningRateResponse(SyntheticPairs task)
    {
        var trained = task.Draw(new Random(101), TrainedChildren);
        var heldOut = task.Draw(new Random(2), 100);
        using var predictor = new AccuracyPredictor(task.Encoder.Features, new PredictorOptions { Seed = 1 });
        var free = task.Draw(new Random(1), 1000);
        predictor.Pretrain(free.Features, free.Costs);
        predictor.Fit(trained.Features, trained.Accuracies);
        double MeanAt(double unit) => predictor.Predict(task.WithLearningRate(heldOut, 100, unit)).Average();
        return (MeanAt(0), MeanAt(0.6), MeanAt(1));
    }

    [Fact]
    public void the_same_seed_and_data_give_the_same_predictions_and_another_seed_other_ones()
    {
        var trained = Trained(1);
        using var first = PretrainedAndFitted(7, trained);
        using var again = PretrainedAndFitted(7, trained);
        using var other = PretrainedAndFitted(8, trained);
        var predictions = first.Predict(HeldOut.Features);
        Assert.Equal(predictions, again.Predict(HeldOut.Features));
        Assert.NotEqual(predictions, other.Predict(HeldOut.Features));
    }

    [Fact]
    public void a_loaded_predictor_predicts_bit_for_bit_and_refits_as_the_saved_one_would_have()
    {
        var options = new PredictorOptions { Seed = 3, Epochs = 60, FrozenEpochs = 20, PretrainEpochs = 10 };
        using var original = new AccuracyPredictor(Synthetic.Encoder.Features, options);
        original.Pretrain(Free.Features, Free.Costs);
        original.Fit(Trained(1).Features, Trained(1).Accuracies);
        var state = original.Save();

        using var loaded = AccuracyPredictor.Load(state, options with { Seed = 99 });
        Assert.True(loaded.Pretrained);
        Assert.True(loaded.Fitted);
        Assert.Equal(Bits(original.Predict(HeldOut.Features)), Bits(loaded.Predict(HeldOut.Features)));
        Assert.Equal(state, loaded.Save());

        var next = Trained(2);
        original.Fit(next.Features, next.Accuracies);
        loaded.Fit(next.Features, next.Accuracies);
        Assert.Equal(Bits(original.Predict(HeldOut.Features)), Bits(loaded.Predict(HeldOut.Features)));
        Assert.Equal(original.Save(), loaded.Save());
    }

    [Fact]
    public void a_predictor_saved_before_pretraining_is_loaded_unpretrained_and_unfitted()
    {
        var options = new PredictorOptions { Seed = 4, Epochs = 20, FrozenEpochs = 5 };
        using var original = new AccuracyPredictor(Synthetic.Encoder.Features, options);
        using var loaded = AccuracyPredictor.Load(original.Save(), options);
        Assert.False(loaded.Pretrained);
        Assert.False(loaded.Fitted);
        Assert.Equal(Synthetic.Encoder.Features, loaded.Features);

        var trained = Trained(1);
        original.Fit(trained.Features, trained.Accuracies);
        loaded.Fit(trained.Features, trained.Accuracies);
        Assert.Equal(Bits(original.Predict(HeldOut.Features)), Bits(loaded.Predict(HeldOut.Features)));
    }

    [Fact]
    public void a_state_of_other_hidden_units_or_not_a_predictor_is_refused()
    {
        using var predictor = new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { HiddenUnits = 16 });
        var error = Assert.Throws<InvalidDataException>(() => AccuracyPredictor.Load(predictor.Save(), new PredictorOptions { HiddenUnits = 32 }));
        Assert.Contains("hidden_units", error.Message);
        Assert.Throws<InvalidDataException>(() => AccuracyPredictor.Load([1, 2, 3], new PredictorOptions()));
    }

    [Fact]
    public void predicting_before_fitting_and_inputs_of_the_wrong_shape_are_refused()
    {
        using var predictor = new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { Epochs = 2, FrozenEpochs = 1 });
        Assert.Throws<InvalidOperationException>(() => predictor.Predict(HeldOut.Features));

        var error = Assert.Throws<ArgumentException>(() => predictor.Fit([new float[3]], [0.5]));
        Assert.Equal("features", error.ParamName);
        Assert.Contains("features[0]", error.Message);
        Assert.Equal("accuracies", Assert.Throws<ArgumentException>(() => predictor.Fit(HeldOut.Features, [0.5])).ParamName);
        Assert.Equal("costs", Assert.Throws<ArgumentException>(() => predictor.Pretrain(HeldOut.Features, Free.Costs)).ParamName);
        Assert.Throws<ArgumentException>(() => predictor.Fit(HeldOut.Features.Take(1).ToList(), [double.NaN]));
    }

    [Fact]
    public void invalid_options_are_refused_at_construction()
    {
        var error = Assert.Throws<Mnas.SearchSpace.Validation.SpecException>(() =>
            new AccuracyPredictor(Synthetic.Encoder.Features, new PredictorOptions { Epochs = 10, FrozenEpochs = 20 }));
        Assert.Contains("frozen_epochs", error.Message);
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
