using Mnas.SearchSpace.Spec;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

/// <summary>A child trained with every extra of its recipe on at once, on the CPU and, where there is one, on a CUDA device.</summary>
public class RecipeDeviceTests
{
    private static TrainingOptions EveryExtra(string device) => new()
    {
        Optimizer = ProxySpec.RmsProp, LearningRate = 0.002, Epochs = 2, Seed = 3, Threads = 2, Device = device, LabelSmoothing = 0.1,
        Dropout = 0.2, StochasticDepth = 0.2, MixupAlpha = 0.2, EmaDecay = 0.9,
    };

    [Fact]
    public void a_child_trains_with_every_extra_on_cpu() => TrainsWithEveryExtra("cpu");

    [CudaFact]
    public void a_child_trains_with_every_extra_on_cuda_OnCudaWhenAvailable() => TrainsWithEveryExtra("cuda");

    private static void TrainsWithEveryExtra(string device)
    {
        ChildNetwork? kept = null;
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(128, 64, 32), EveryExtra(device), keep: model => kept = model);
        using var network = kept!;

        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.All(report.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss), $"epoch {e.Epoch} loss {e.TrainLoss}"));
        Assert.True(report.ValidationTop1 > 0.25, $"validation top-1 {report.ValidationTop1} (chance 0.25)");
        Assert.All(network.state_dict().Values, t => Assert.StartsWith(device, t.device));
        Assert.Equal(report.ValidationTop1, ChildTrainer.Evaluate(network, new SyntheticData(128, 64, 32), device));
    }
}
