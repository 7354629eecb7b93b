using Mnas.SearchSpace.Spec;
using Mnas.Torch;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class RecipeLeakTests
{
    [Theory]
    [InlineData(ProxySpec.Sgd)]
    [InlineData(ProxySpec.AdamW)]
    public void training_with_every_extra_leaves_no_tensor_behind(string optimizer)
    {
        var options = new TrainingOptions
        {
            Optimizer = optimizer, LearningRate = 0.005, Epochs = 1, Seed = 2, Threads = 2, Dropout = 0.3, StochasticDepth = 0.3, MixupAlpha = 0.5,
            EmaDecay = 0.9,
        };
        var data = new SyntheticData(64, 32, 16);
        var before = (torch.LiveTensorCount, torch.NativeLiveTensorCount);
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options);
        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.Equal(before, (torch.LiveTensorCount, torch.NativeLiveTensorCount));
    }
}
