using System.Diagnostics;

namespace Mnas.Api.Tests.Management;

/// <summary>
/// Prometheus' own checker, <c>promtool check metrics</c> (Debian's prometheus package, which scripts/bootstrap.sh
/// installs): the text must parse as a scraper reads it and draw none of its lint findings (help text, counters'
/// <c>_total</c>, base units, snake_case names and labels…).
/// </summary>
internal static class Promtool
{
    public static async Task AssertPassesAsync(string metrics)
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
        var findings = (await stdout + await stderr).Trim();
        Assert.True(process.ExitCode == 0 && findings.Length == 0, $"promtool check metrics exited {process.ExitCode}:\n{findings}\n--- on:\n{metrics}");
    }
}
