using Mnas.SearchSpace.Contract;

namespace Mnas.SearchSpace.Tests.Contract;

/// <summary>docs/campaign-contract.md's ranges table is the code's table, row for row: a range changed in one and not the other fails here.</summary>
public class RangesTableDocumentationTests
{
    private const string Start = "<!-- ranges:start -->";
    private const string End = "<!-- ranges:end -->";

    [Fact]
    public void the_documented_ranges_table_is_the_one_the_validator_uses()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "campaign-contract.md"));
        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/campaign-contract.md has no table between {Start} and {End}");

        var documented = doc[(start + Start.Length)..end].Trim().ReplaceLineEndings("\n");
        var expected = Render();
        Assert.True(documented == expected, $"docs/campaign-contract.md's ranges table differs from CampaignRanges; it should read:\n{expected}");
    }

    [Fact]
    public void every_range_is_well_formed_and_named_once()
    {
        var all = CampaignRanges.All.ToArray();
        Assert.Equal(all.Length, all.Select(r => r.Path).Distinct().Count());
        Assert.All(all, r =>
        {
            Assert.True(r.Minimum < r.Maximum, r.Path);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason), r.Path);
            Assert.True(r.Kind == RangeKind.Number || (!r.MinimumExclusive && !r.MaximumExclusive), $"{r.Path}: whole-number ranges are written inclusive");
        });
    }

    internal static string Render()
    {
        var rows = CampaignRanges.All.Select(r =>
            $"| `{r.Path}` | {r.Kind.ToString().ToLowerInvariant()} | {r.Interval} | {r.Reason} |");
        return string.Join("\n", ["| field | kind | accepted | why |", "| --- | --- | --- | --- |", .. rows]);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Mnas.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("no Mnas.sln above the test's directory");
    }
}
