using System.CommandLine;
using Mnas.Host.Commands;

namespace Mnas.Workers.Tests;

public class CommandLineTests
{
    private static (int Status, string Output, string Error) Run(Command command, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var root = new RootCommand { command };
            return (root.Parse(args).Invoke(), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void cost_of_mobilenet_v2_prints_its_parameters_and_multiply_adds()
    {
        var (status, output, _) = Run(CostCommand.Create(), "cost", "--arch", "mobilenet_v2");
        Assert.Equal(0, status);
        Assert.Contains("params=3504872\n", output);
        Assert.Contains("macs=300774272\n", output);
        Assert.Contains("param_bytes=14019488\n", output);
        Assert.Contains("peak_activation_bytes=", output);
    }

    [Fact]
    public void cost_at_a_smaller_input_keeps_parameters_and_cuts_multiply_adds_by_the_area()
    {
        var (_, output, _) = Run(CostCommand.Create(), "cost", "--arch", "mobilenet_v2", "--input", "112");
        Assert.Contains("params=3504872\n", output);
        var macs = long.Parse(output.Split('\n').Single(l => l.StartsWith("macs=", StringComparison.Ordinal))[5..]);
        // Convolutions scale with the area, a quarter, except that the last stage's map is ⌈112/32⌉ = 4
        // wide instead of 224/32 = 7 halved (3.5): so between a quarter and a third of 300.8M.
        Assert.InRange(macs, 300_774_272 / 4, 300_774_272 / 3);
    }

    [Fact]
    public void an_unknown_architecture_is_an_error_naming_the_built_ins()
    {
        var (status, _, error) = Run(CostCommand.Create(), "cost", "--arch", "resnet9000");
        Assert.Equal(2, status);
        Assert.Contains("mobilenet_v2", error);
    }

    [Fact]
    public void latency_prints_the_median_and_the_conditions()
    {
        var (status, output, _) = Run(LatencyCommand.Create(), "latency", "--arch", "mnasnet_a1", "--input", "32", "--runs", "3", "--warmup", "1");
        Assert.Equal(0, status);
        Assert.Contains("threads=1\n", output);
        var ms = double.Parse(output.Split('\n').Single(l => l.StartsWith("latency_ms=", StringComparison.Ordinal))[11..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ms > 0);
    }

    [Theory]
    [InlineData("gpu", "--device: must be cpu, cuda or cuda:N (got 'gpu')")]
    [InlineData("cuda:999999", "--device: cuda:999999 asked for, but this libtorch sees ")]
    public void latency_on_a_device_that_is_malformed_or_absent_is_refused_naming_device(string device, string message)
    {
        var (status, output, error) = Run(LatencyCommand.Create(), "latency", "--arch", "mnasnet_a1", "--input", "32", "--runs", "3", "--device", device);
        Assert.Equal(2, status);
        Assert.StartsWith("mnas: " + message, error);
        Assert.DoesNotContain("latency_ms=", output);
    }

    [Fact]
    public void fetching_an_unknown_dataset_names_the_known_ones()
    {
        var (status, _, error) = Run(DatasetsCommand.Create(), "datasets", "fetch", "imagenet");
        Assert.Equal(2, status);
        Assert.Contains("fashion-mnist", error);
    }
}
