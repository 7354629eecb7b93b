using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Latency;

namespace Mnas.Workers.Tests;

public class LatencyMeterTests
{
    private static readonly Architecture Small = BuiltinArchitectures.MobileNetV2 with { Input = new InputShape(3, 64, 64), Classes = 10 };

    [Fact]
    public void a_measurement_records_its_conditions_and_a_positive_median()
    {
        var m = LatencyMeter.Measure(Small, new LatencyOptions { Warmup = 2, Runs = 5, Threads = 1 });
        Assert.True(m.MedianMs > 0);
        Assert.Equal(5, m.Runs);
        Assert.Equal(1, m.Threads);
        Assert.Equal("cpu", m.Device);
        Assert.True(m.CoefficientOfVariation >= 0);
    }

    [Fact]
    public void statistics_of_known_times_are_exact()
    {
        var m = LatencyMeasurement.FromTimes([1.0, 2.0, 3.0, 4.0, 10.0], 2, "cpu");
        Assert.Equal(3.0, m.MedianMs);
        Assert.Equal(4.0, m.MeanMs);
        // sample standard deviation: sqrt((9 + 4 + 1 + 0 + 36) / 4) = sqrt(12.5)
        Assert.Equal(Math.Sqrt(12.5) / 4.0, m.CoefficientOfVariation, 12);
    }

    [Fact]
    public void bad_options_name_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => LatencyMeter.Measure(Small, new LatencyOptions { Runs = 1 }));
        Assert.Contains("runs:", e.Message);
    }
}
