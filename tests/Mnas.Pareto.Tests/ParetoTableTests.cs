using Mnas.Pareto.Report;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoTableTests
{
    [Fact]
    public void columns_are_right_aligned_to_the_widest_cell()
    {
        // 0.91234 → 91.23 %; 3,504,872 params → 3.50 M; 12,345,678 → 12.35 M.
        var table = ParetoTable.Format(
        [
            (12, Metrics(0.91234, 7.5, parameters: 3_504_872)),
            (1234, Metrics(0.5, 123.456, parameters: 12_345_678)),
        ]);
        Assert.Equal(
            "  id  accuracy %  latency ms  params M\n"
            + "  12       91.23        7.50      3.50\n"
            + "1234       50.00      123.46     12.35\n",
            table);
    }

    [Fact]
    public void peak_memory_in_mib_is_added_on_request()
    {
        // 10,485,760 bytes = 10 MiB; 1,572,864 bytes = 1.5 MiB.
        var table = ParetoTable.Format(
            [(1, Metrics(0.5, 20, peakBytes: 10_485_760)), (2, Metrics(0.25, 10, peakBytes: 1_572_864))],
            withMemory: true);
        Assert.Equal(
            "id  accuracy %  latency ms  params M  peak MiB\n"
            + " 1       50.00       20.00      1.00     10.00\n"
            + " 2       25.00       10.00      1.00      1.50\n",
            table);
    }

    [Fact]
    public void no_rows_say_so_under_the_header()
    {
        Assert.Equal("id  accuracy %  latency ms  params M\n(no points)\n", ParetoTable.Format([]));
    }
}
