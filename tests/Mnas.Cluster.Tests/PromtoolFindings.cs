using System.Diagnostics;

namespace Mnas.Cluster.Tests;

/// <summary>What <c>promtool check metrics</c> says of a text: whether it read it, and its lint findings, one a line.</summary>
internal static class PromtoolFindings
{
    /// <summary>promtool's exit status when it read the text and has only lint findings (a text it cannot read exits 1).</summary>
    public const int LintOnly = 3;

    public static async Task<(int ExitCode, IReadOnlyList<string> Findings)> OfAsync(string metrics)
    {
        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
        Assert.True(promtool != null, "promtool is not installed: run scripts/bootstrap.sh (it installs Debian's prometheus package)");
        var start = new ProcessStartInfo(promtool!, ["check", "metrics"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        var findings = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, findings);
    }

    /// <summary>The families of <paramref name="metrics"/> whose names begin with <paramref name="prefix"/>: their HELP, TYPE and sample lines.</summary>
    public static string Families(string metrics, string prefix) =>
        string.Concat(metrics.Split('\n').Where(l => (l.StartsWith("# HELP ", StringComparison.Ordinal) || l.StartsWith("# TYPE ", StringComparison.Ordinal)
            ? l[7..] : l).StartsWith(prefix, StringComparison.Ordinal)).Select(l => l + "\n"));
}
