using System.Diagnostics;

namespace Mnas.Deploy.Tests;

/// <summary>Helm itself, as scripts/helm.sh fetches it (pinned, checked), run on the chart in k8s/mnas.</summary>
internal static class Helm
{
    private static readonly Lazy<string> Executable = new(Fetch);

    /// <summary>The profiles under k8s/mnas/profiles, by file name; "" stands for the default values.</summary>
    internal static IEnumerable<string> Profiles() =>
        Directory.GetFiles(Path.Combine(Repository.Chart, "profiles"), "*.yaml").Select(Path.GetFileName).Order()!;

    internal static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No state of the machine's own helm: a fresh home under the test output.
        var home = Path.Combine(AppContext.BaseDirectory, "helm-home");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The arguments that select a profile's values file ("" for the defaults).</summary>
    internal static string[] ValuesOf(string profile) =>
        profile == "" ? [] : ["-f", Path.Combine(Repository.Chart, "profiles", profile)];

    /// <summary>The chart rendered with a profile and extra --set values; fails the test when helm refuses.</summary>
    internal static Manifests Template(string profile, params string[] sets)
    {
        var (exitCode, output) = Run(["template", "release", Repository.Chart, .. ValuesOf(profile), .. sets.SelectMany(s => new[] { "--set", s })]);
        Assert.True(exitCode == 0, $"helm template ({(profile == "" ? "defaults" : profile)}) failed:\n{output}");
        return Manifests.Parse(output);
    }

    private static string Fetch()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "helm.sh"));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/helm.sh failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout.Trim().Split('\n').Last();
    }
}
