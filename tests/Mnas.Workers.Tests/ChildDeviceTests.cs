using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Serialization;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

/// <summary>The real trainer and latency meter on the device they are given.</summary>
public class ChildDeviceTests
{
    private static TrainingOptions On(string device) => new() { Epochs = 3, LearningRate = 0.05, Seed = 1, Threads = 2, Device = device };

    private static readonly Architecture TinyTarget = ChildTrainerTests.Tiny;

    [Fact]
    public void a_child_given_the_cpu_explicitly_trains_as_by_default()
    {
        var explicitly = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(256, 64, 32), On("cpu"));
        var byDefault = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(256, 64, 32), On("cpu") with { Device = new TrainingOptions().Device });

        Assert.Equal(ChildStatus.Succeeded, explicitly.Status);
        Assert.True(explicitly.ValidationTop1 > 0.5, $"validation top-1 {explicitly.ValidationTop1} (chance 0.25)");
        Assert.Equal(byDefault.Epochs.Select(e => e.TrainLoss), explicitly.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void a_malformed_training_device_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(32, 32, 32), On("gpu")));
        Assert.Contains("device: must be cpu, cuda or cuda:N (got 'gpu')", error.Message);
    }

    [CudaFact]
    public void a_tiny_child_trains_saves_and_is_measured_on_cuda_OnCudaWhenAvailable()
    {
        ChildNetwork? trained = null;
        try
        {
            var report = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(256, 64, 32), On("cuda"), keep: model => trained = model);

            Assert.Equal(ChildStatus.Succeeded, report.Status);
            Assert.All(report.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss), $"epoch {e.Epoch} loss {e.TrainLoss}"));
            Assert.True(report.ValidationTop1 > 0.5, $"validation top-1 {report.ValidationTop1} (chance 0.25)");
            var weights = trained!.state_dict();
            Assert.All(weights.Values, t => Assert.StartsWith("cuda", t.device));

            var path = Path.Combine(Path.GetTempPath(), $"mnas-cuda-{Guid.NewGuid():N}.safetensors");
            try
            {
                trained.save(path);
                var loaded = Safetensors.Load(path);
                foreach (var (name, tensor) in weights)
                {
                    using var onCpu = tensor.to("cpu").to(ScalarType.Float64);
                    using var read = loaded[name];
                    using var readWide = read.to(ScalarType.Float64);
                    Assert.Equal(onCpu.data<double>(), readWide.data<double>());
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
        finally
        {
            trained?.Dispose();
        }

        var latency = LatencyMeter.Measure(TinyTarget, new LatencyOptions { Warmup = 2, Runs = 5, Device = "cuda" });
        Assert.Equal("cuda", latency.Device);
        Assert.True(latency.MedianMs > 0 && double.IsFinite(latency.MedianMs));
    }
}
