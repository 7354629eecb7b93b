using System.Diagnostics;
using Mnas.Torch;
using Mnas.Workers.Networks;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>Trains and times the engine benchmark child in this process, as a user of the engine would.</summary>
internal static class EngineRun
{
    public static Measurement Measure(EngineSettings settings)
    {
        torch.set_num_threads(settings.Threads);
        torch.manual_seed(0);
        using var model = new EngineBenchmarkChild();
        model.to(torch.channels_last);
        using var optimizer = torch.optim.SGD(model.parameters(), EngineSettings.LearningRate, EngineSettings.Momentum,
            weight_decay: EngineSettings.WeightDecay);
        using var noise = torch.randn(settings.Batch, 1, 28, 28);
        using var images = noise.to(torch.channels_last);
        using var labels = torch.randint(10, [settings.Batch]);

        model.train();
        for (var i = 0; i < settings.Warmup; i++)
        {
            TrainingStep.Run(model, optimizer, images, labels);
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < settings.Steps; i++)
        {
            TrainingStep.Run(model, optimizer, images, labels);
        }
        var imagesPerSecond = settings.Batch * settings.Steps / clock.Elapsed.TotalSeconds;

        model.eval();
        using var single = torch.randn(1, 1, 28, 28);
        using var one = single.to(torch.channels_last);
        var times = new double[settings.LatencyRuns];
        using (torch.no_grad())
        {
            for (var i = 0; i < EngineSettings.LatencyWarmup; i++)
            {
                model.forward(one).Dispose();
            }
            for (var i = 0; i < times.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                model.forward(one).Dispose();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        return new Measurement(imagesPerSecond, Statistics.Median(times));
    }
}
