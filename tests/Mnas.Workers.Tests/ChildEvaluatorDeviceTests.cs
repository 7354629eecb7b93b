using Mnas.Workers.Datasets;
using Mnas.Workers.Evaluation;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

/// <summary>
/// The worker pipeline for one child on a given device: the proxy task's batches are made there, the child trains
/// there, its latency is measured there, and its weights are saved readable from the CPU.
/// </summary>
public sealed class ChildEvaluatorDeviceTests : IDisposable
{
    private readonly string weights = Path.Combine(Path.GetTempPath(), $"mnas-evaluator-{Guid.NewGuid():N}.safetensors");

    public void Dispose() => File.Delete(weights);

    // Class c of 4 lights up quadrant c of a 1×16×16 image over noise.
    private static ImageDataset Quadrants(int count)
    {
        const int side = SyntheticData.Side, half = side / 2;
        var rng = new Random(11);
        var pixels = new byte[count * side * side];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = (byte)(i % SyntheticData.Classes);
            labels[i] = label;
            for (var y = 0; y < side; y++)
            {
                for (var x = 0; x < side; x++)
                {
                    var lit = (y < half ? 0 : 2) + (x < half ? 0 : 1) == label;
                    pixels[i * side * side + y * side + x] = (byte)((lit ? 160 : 0) + rng.Next(60));
                }
            }
        }
        return new ImageDataset("quadrants", pixels, labels, 1, side, side, SyntheticData.Classes, allowsHorizontalFlip: false);
    }

    private ChildEvaluation Evaluate(string device, out ProxyTask task)
    {
        task = new ProxyTask(Quadrants(960), new ProxyTaskOptions { BatchSize = 32, ValidationFraction = 0.2, Seed = 1, Device = device });
        var training = new TrainingOptions { Epochs = 5, LearningRate = 0.05, Seed = 1, Threads = 2, Device = device };
        var latency = new LatencyOptions { Warmup = 1, Runs = 3, Device = device };
        return new ChildEvaluator(task, training, latency).Evaluate(ChildTrainerTests.Tiny, weights);
    }

    private void AssertEvaluatedOn(string device, ChildEvaluation evaluation, ProxyTask task)
    {
        Assert.Equal(ChildStatus.Succeeded, evaluation.Training.Status);
        Assert.All(evaluation.Training.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss), $"epoch {e.Epoch} loss {e.TrainLoss}"));
        Assert.True(evaluation.Training.ValidationTop1 > 0.5, $"validation top-1 {evaluation.Training.ValidationTop1} (chance 0.25)");
        Assert.Equal(device, evaluation.Latency!.Device);
        Assert.True(evaluation.Latency.MedianMs > 0);

        var (images, labels) = task.TrainBatches(1).First();
        using (images)
        using (labels)
        {
            Assert.StartsWith(device, images.device);
            Assert.StartsWith(device, labels.device);
        }

        using var reloaded = new ChildNetwork(ChildTrainerTests.Tiny);
        reloaded.load(weights);
        Assert.All(reloaded.state_dict().Values, t => Assert.Equal("cpu", t.device));
        Assert.Equal(evaluation.Training.ValidationTop1, ChildTrainer.Evaluate(reloaded, task, device));
    }

    [Fact]
    public void a_child_evaluated_on_the_cpu_given_explicitly_trains_is_measured_and_saved_there()
    {
        var evaluation = Evaluate("cpu", out var task);
        AssertEvaluatedOn("cpu", evaluation, task);
    }

    [CudaFact]
    public void a_child_evaluated_on_cuda_trains_is_measured_and_saved_there_OnCudaWhenAvailable()
    {
        var evaluation = Evaluate("cuda", out var task);
        AssertEvaluatedOn("cuda", evaluation, task);
    }
}
