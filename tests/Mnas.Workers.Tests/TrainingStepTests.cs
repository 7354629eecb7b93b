using Mnas.Host;
using Mnas.Torch;
using Mnas.Workers.Networks;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public class TrainingStepTests
{
    [Fact]
    public void training_the_child_on_a_fixed_batch_drives_its_loss_down()
    {
        torch.manual_seed(1);
        using var model = new EngineBenchmarkChild();
        model.to(torch.channels_last);
        using var optimizer = torch.optim.SGD(model.parameters(), 0.05, momentum: 0.9, weight_decay: 4e-5);
        using var noise = torch.randn(32, 1, 28, 28);
        using var images = noise.to(torch.channels_last);
        using var labels = torch.randint(10, [32]);
        var first = TrainingStep.Run(model, optimizer, images, labels);
        var last = first;
        for (var i = 0; i < 40; i++)
        {
            last = TrainingStep.Run(model, optimizer, images, labels);
        }
        Assert.InRange(first, 1.8f, 2.8f); // about ln 10 = 2.30 at the start
        Assert.True(last < first / 4, $"loss went from {first} to {last}");
    }

    [Fact]
    public void the_demo_trains_and_reports_falling_loss()
    {
        var output = new StringWriter();
        var status = DemoRun.Execute(new DemoOptions(Steps: 12, Batch: 16, Threads: 2, Seed: 0, LearningRate: 0.05), output);
        Assert.Equal(0, status);
        var text = output.ToString();
        Assert.Contains("parameters: 188,490", text);
        Assert.Contains("step   12/12", text);
        var summary = text.Split('\n').Last(l => l.StartsWith("loss ", StringComparison.Ordinal)).Split(' ');
        Assert.True(float.Parse(summary[3], System.Globalization.CultureInfo.InvariantCulture)
            < float.Parse(summary[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void the_demo_on_cuda_runs_there_or_says_the_build_has_none()
    {
        var output = new StringWriter();
        var status = DemoRun.Execute(new DemoOptions(2, 4, 1, 0, 0.05, "cuda"), output);
        if (torch.cuda.is_available())
        {
            Assert.Equal(0, status);
            Assert.Contains("step    2/2", output.ToString());
        }
        else
        {
            Assert.Equal(2, status);
            Assert.Contains("no usable CUDA device", output.ToString());
        }
    }

    [Theory]
    [InlineData(0, 16, 2, 0.05, "--steps")]
    [InlineData(5, 0, 2, 0.05, "--batch")]
    [InlineData(5, 16, 0, 0.05, "--threads")]
    [InlineData(5, 16, 2, -1.0, "--lr")]
    [InlineData(5, 16, 2, 0.05, "--device", "gpu")]
    public void a_bad_demo_setting_is_named_in_the_error(int steps, int batch, int threads, double lr, string named, string device = "cpu")
    {
        var errors = new DemoOptions(steps, batch, threads, 0, lr, device).Validate().ToList();
        Assert.Single(errors);
        Assert.StartsWith(named, errors[0]);
    }
}
