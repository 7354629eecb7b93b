using System.Diagnostics;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Latency;

/// <summary>Measures the real batch-1 inference latency of a network on this worker's device.</summary>
public static class LatencyMeter
{
    /// <summary>The target view of an architecture: its deployment input shape and classes.</summary>
    public static LatencyMeasurement Measure(Architecture targetView, LatencyOptions options)
    {
        options.ThrowIfInvalid();
        using var model = new ChildNetwork(targetView);
        var input = targetView.Input;
        return Measure(model, [1, input.Channels, input.Height, input.Width], options);
    }

    public static LatencyMeasurement Measure(Module<Tensor, Tensor> model, long[] inputShape, LatencyOptions options)
    {
        options.ThrowIfInvalid();
        var previousThreads = torch.get_num_threads();
        torch.set_num_threads(options.Threads);
        try
        {
            model.to(options.Device);
            model.to(torch.channels_last);
            model.eval();
            using var noise = torch.randn(inputShape, device: options.Device);
            using var input = noise.to(torch.channels_last);
            using var noGrad = torch.no_grad();
            for (var i = 0; i < options.Warmup; i++)
            {
                model.forward(input).Dispose();
            }
            var times = new double[options.Runs];
            for (var i = 0; i < times.Length; i++)
            {
                using var scope = torch.NewDisposeScope();
                var start = Stopwatch.GetTimestamp();
                // Reading a value makes asynchronous devices finish the work inside the timing.
                model.forward(input).sum().item<float>();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            return LatencyMeasurement.FromTimes(times, options.Threads, options.Device);
        }
        finally
        {
            torch.set_num_threads(previousThreads);
        }
    }
}
