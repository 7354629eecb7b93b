using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Latency;

namespace Mnas.Workers.Tests;

public class LatencyTableTests
{
    private static readonly Architecture Small = BuiltinArchitectures.MobileNetV2 with { Input = new InputShape(3, 32, 32), Classes = 10 };
    private static readonly LatencyOptions Quick = new() { Warmup = 1, Runs = 3, Threads = 1 };

    [Fact]
    public void filling_times_each_distinct_operator_once()
    {
        var table = new LatencyTable("cpu", 1);
        // Stem, head, and 12 distinct layers: in each block of n layers the first differs and
        // the other n−1 are identical (blocks 1 and 7 have one layer).
        Assert.Equal(14, LatencyLookup.Fill(table, [Small], Quick));
        Assert.Equal(0, LatencyLookup.Fill(table, [Small], Quick));
        Assert.Equal(14, table.Entries.Count);
        Assert.All(table.Entries.Values, ms => Assert.True(ms > 0));
    }

    [Fact]
    public void the_estimate_is_the_sum_of_the_network_operators()
    {
        var table = new LatencyTable("cpu", 1);
        LatencyLookup.Fill(table, [Small], Quick);
        var keys = NetworkOperators.Of(Small).Select(o => o.Key).ToList();
        Assert.Equal(19, keys.Count); // stem + 17 layers + head
        Assert.Equal(keys.Sum(k => table.Entries[k]), LatencyLookup.Estimate(table, Small), 9);
    }

    [Fact]
    public void an_operator_missing_from_the_table_is_named()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => LatencyLookup.Estimate(new LatencyTable("cpu", 1), Small));
        Assert.Contains("stem-k3-3to32-s2-32x32-relu6", e.Message);
    }

    [Fact]
    public void a_table_round_trips_through_its_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lut-{Guid.NewGuid():N}.json");
        try
        {
            var table = new LatencyTable("cpu test", 2, new Dictionary<string, double> { ["a"] = 1.5, ["b"] = 0.25 });
            table.Save(path);
            var loaded = LatencyTable.Load(path);
            Assert.Equal("cpu test", loaded.Device);
            Assert.Equal(2, loaded.Threads);
            Assert.Equal(1.75, loaded.Estimate(["a", "b"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json", "not a latency table")]
    [InlineData("{\"device\":\"cpu\",\"threads\":0,\"entries\":{}}", "threads")]
    [InlineData("{\"device\":\"cpu\",\"threads\":1,\"entries\":{\"x\":-1}}", "entries.x")]
    public void a_bad_table_file_is_refused_naming_the_file_and_field(string text, string named)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lut-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => LatencyTable.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains(named, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void a_table_for_other_thread_counts_is_not_mixed()
    {
        var e = Assert.Throws<ArgumentException>(() => LatencyLookup.Fill(new LatencyTable("cpu", 2), [Small], Quick));
        Assert.Contains("threads", e.Message);
    }
}
