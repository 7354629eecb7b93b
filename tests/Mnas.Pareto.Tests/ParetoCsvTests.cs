using System.Globalization;
using Mnas.Pareto.Export;
using Mnas.Pareto.Objectives;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoCsvTests
{
    [Fact]
    public void points_without_architectures_give_id_and_one_column_per_objective()
    {
        var csv = ParetoCsv.Write([P(3, 0.25, 10), P(1, 0.5, 20.5)], ParetoObjectives.Default);
        Assert.Equal("id,accuracy,latency_ms\n3,0.25,10\n1,0.5,20.5\n", csv);
    }

    [Fact]
    public void every_selected_objective_gets_its_column_in_order()
    {
        var csv = ParetoCsv.Write([P(7, 0.875, 12.25, 9_633_792, 3_504_872)], ParetoObjectives.Default.WithParams().WithMemory());
        Assert.Equal("id,accuracy,latency_ms,peak_memory_bytes,params\n7,0.875,12.25,9633792,3504872\n", csv);
    }

    [Fact]
    public void numbers_use_a_dot_whatever_the_current_culture()
    {
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("0,5", 0.5.ToString());
            Assert.Equal("id,accuracy,latency_ms\n1,0.5,20.5\n", ParetoCsv.Write([P(1, 0.5, 20.5)], ParetoObjectives.Default));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void architectures_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_unchanged()
    {
        var tricky = "b3.kernel=5, b3.note=\"wide\"";
        var multiline = "b1.kernel=3\nb2.kernel=7";
        var csv = ParetoCsv.Write(
            [P(1, 0.5, 20, "plain"), P(2, 0.75, 60, tricky), P(3, 0.25, 10, multiline), P(4, 0.125, 5)],
            ParetoObjectives.Default);
        Assert.Equal(
            "id,accuracy,latency_ms,architecture\n"
            + "1,0.5,20,plain\n"
            + "2,0.75,60,\"b3.kernel=5, b3.note=\"\"wide\"\"\"\n"
            + "3,0.25,10,\"b1.kernel=3\nb2.kernel=7\"\n"
            + "4,0.125,5,\n",
            csv);
        var rows = CsvReader.Parse(csv);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["id", "accuracy", "latency_ms", "architecture"], rows[0]);
        Assert.Equal(["1", "0.5", "20", "plain"], rows[1]);
        Assert.Equal(["2", "0.75", "60", tricky], rows[2]);
        Assert.Equal(["3", "0.25", "10", multiline], rows[3]);
        Assert.Equal(["4", "0.125", "5", ""], rows[4]);
    }

    [Fact]
    public void no_points_give_the_header_alone()
    {
        Assert.Equal("id,accuracy,latency_ms\n", ParetoCsv.Write([], ParetoObjectives.Default));
    }
}
