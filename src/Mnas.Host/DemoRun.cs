using System.Diagnostics;
using System.Globalization;
using Mnas.Torch;
using Mnas.Workers.Networks;
using Mnas.Workers.Training;

namespace Mnas.Host;

/// <summary>
/// A quick check of the engine on this machine (<c>mnas demo</c>): a short training run of the
/// engine benchmark child on random data, reporting loss and throughput.
/// </summary>
public static class DemoRun
{
    public static int Execute(DemoOptions options, TextWriter output)
    {
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        output.WriteLine($"mnas check: libtorch {torch.version()}, device {options.Device}, {options.Threads} threads, cuda {(torch.cuda.is_available() ? "available" : "not available")}");
        output.WriteLine($"child: {EngineBenchmarkChild.Blocks.Count} MBConv blocks, {EngineBenchmarkChild.MultiplyAdds() / 1e6:F2}M multiply-adds per image");

        if (options.Device.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
        {
            output.WriteLine($"--device {options.Device}: this libtorch build has no usable CUDA device");
            return 2;
        }
        using var model = new EngineBenchmarkChild();
        model.to(options.Device);
        model.to(torch.channels_last);
        var parameterCount = model.parameters().Sum(p => p.numel());
        output.WriteLine($"parameters: {parameterCount:N0}");
        using var optimizer = torch.optim.SGD(model.parameters(), options.LearningRate, momentum: 0.9, weight_decay: 4e-5);
        var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, options.Steps);

        // A fixed random batch the child can fit: the loss falling shows the whole engine works.
        using var noise = torch.randn([options.Batch, 1, 28, 28], device: options.Device);
        using var images = noise.to(torch.channels_last);
        using var labels = torch.randint(10, [options.Batch], options.Device);

        var clock = Stopwatch.StartNew();
        float first = 0, last = 0;
        for (var step = 1; step <= options.Steps; step++)
        {
            last = TrainingStep.Run(model, optimizer, images, labels);
            if (step == 1)
            {
                first = last;
            }
            schedule.step();
            if (step == 1 || step % 10 == 0 || step == options.Steps)
            {
                var rate = step * options.Batch / clock.Elapsed.TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {step,4}/{options.Steps}  loss {last:F4}  lr {schedule.get_last_lr():F4}  {rate:F0} img/s"));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss {first:F4} -> {last:F4} in {clock.Elapsed.TotalSeconds:F1} s"));
        return float.IsFinite(last) ? 0 : 1;
    }
}
