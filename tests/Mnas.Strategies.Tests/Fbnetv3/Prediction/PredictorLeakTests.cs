using Mnas.Strategies.Fbnetv3.Prediction;
using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Fbnetv3.Prediction;

[Collection(LiveTensorCountersCollection.Name)]
public sealed class PredictorLeakTests
{
    [Fact]
    public void pretraining_fitting_predicting_saving_and_loading_leave_no_tensor_behind()
    {
        var task = new SyntheticPairs();
        var free = task.Draw(new Random(1), 100);
        var trained = task.Draw(new Random(2), 20);
        var options = new PredictorOptions { HiddenUnits = 8, PretrainEpochs = 2, Epochs = 4, FrozenEpochs = 2, BatchSize = 16 };
        var before = torch.LiveTensorCount;
        var nativeBefore = torch.NativeLiveTensorCount;

        using (var predictor = new AccuracyPredictor(task.Encoder.Features, options))
        {
            predictor.Pretrain(free.Features, free.Costs);
            predictor.Fit(trained.Features, trained.Accuracies);
            predictor.Predict(free.Features);
            using var loaded = AccuracyPredictor.Load(predictor.Save(), options);
            loaded.Predict(trained.Features);
        }

        Assert.Equal(0, torch.LiveTensorCount - before);
        Assert.Equal(0, torch.NativeLiveTensorCount - nativeBefore);
    }
}
