using System.Text.RegularExpressions;

namespace Mnas.Deploy.Tests;

/// <summary>The image build does what a fresh machine does: each image's build stage runs scripts/bootstrap.sh in its
/// image mode and its final stage in its runtime mode, nothing in the Dockerfile installs anything by itself, and the
/// modes the Dockerfile names install what a fresh machine installs, less the tests' services.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(File.ReadAllText(Repository.PathOf("Dockerfile")));
    private static readonly string[] TestPackages = ["postgresql", "chromium", "prometheus"];

    [Fact]
    public void each_image_is_built_by_the_bootstrap_and_keeps_only_its_runtime()
    {
        var stages = Stages();
        foreach (var target in new[] { "cpu", "gpu" })
        {
            Assert.True(stages.ContainsKey(target), $"no target {target}");
            var final = stages[target];
            Assert.Contains(final, l => Regex.IsMatch(l, @"^RUN (MNAS_LIBTORCH=cuda )?\S*scripts/bootstrap\.sh runtime\b"));
            var program = final.Select(l => Regex.Match(l, @"^COPY --from=(\S+) /opt/mnas /opt/mnas$")).Single(m => m.Success);
            var build = stages[program.Groups[1].Value];
            Assert.Equal(["RUN scripts/bootstrap.sh image /opt/mnas"], build.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)));
            Assert.Equal(target == "gpu", build.Any(l => l.Contains("MNAS_LIBTORCH=cuda", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void every_step_that_runs_something_is_the_bootstrap_or_the_user()
    {
        foreach (var line in Lines.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)))
        {
            Assert.False(PackageInstall().IsMatch(line), $"the Dockerfile installs something itself: {line}");
            Assert.True(line.Contains("scripts/bootstrap.sh", StringComparison.Ordinal) || line.StartsWith("RUN useradd ", StringComparison.Ordinal),
                $"a build step that is not the bootstrap's: {line}");
        }
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void the_image_modes_install_what_a_fresh_machine_installs_less_the_tests_services(string libtorch)
    {
        var machine = Packages("dev", "cpu");
        var image = Packages("image", libtorch);
        var runtime = Packages("runtime", libtorch);
        Assert.NotEmpty(image);
        Assert.NotEmpty(runtime);
        foreach (var package in TestPackages)
        {
            Assert.Contains(package, machine);
            Assert.DoesNotContain(package, image);
            Assert.DoesNotContain(package, runtime);
        }
        Assert.DoesNotContain("cmake", runtime);
        Assert.DoesNotContain("g++", runtime);
        if (libtorch == "cpu")
        {
            Assert.Empty(image.Except(machine));
            Assert.Contains("libtorch1.13", runtime);
            Assert.Contains("libopenblas0-openmp", runtime);
        }
        else
        {
            Assert.DoesNotContain("libtorch-dev", image);
            Assert.DoesNotContain("libtorch1.13", runtime);
        }
    }

    [Fact]
    public void the_bootstrap_refuses_an_unknown_mode_and_an_image_without_its_directory()
    {
        Assert.Equal(2, Bootstrap(["bogus"], new()).ExitCode);
        Assert.Equal(2, Bootstrap(["image"], new()).ExitCode);
        Assert.Equal(2, Bootstrap(["runtime"], new() { ["MNAS_LIBTORCH"] = "rocm" }).ExitCode);
    }

    [Fact]
    public void the_images_run_as_the_non_root_user_the_chart_names()
    {
        var stages = Stages();
        foreach (var target in new[] { "cpu", "gpu" })
        {
            Assert.Contains("USER 10001:10001", stages[target]);
        }
        var values = File.ReadAllText(Path.Combine(Repository.Chart, "values.yaml"));
        Assert.Contains("runAsUser: 10001", values);
    }

    [Fact]
    public void the_bootstrap_fetches_helm_and_installs_unzip_for_it()
    {
        var bootstrap = File.ReadAllText(Repository.PathOf("scripts", "bootstrap.sh"));
        Assert.Contains("scripts/helm.sh", bootstrap);
        Assert.Contains("unzip", Packages("dev", "cpu"));
    }

    private static string[] Packages(string mode, string libtorch)
    {
        var run = Bootstrap([mode, "/nowhere"], new() { ["MNAS_BOOTSTRAP_LIST"] = "1", ["MNAS_LIBTORCH"] = libtorch });
        Assert.True(run.ExitCode == 0, $"bootstrap {mode} ({libtorch}) exited {run.ExitCode}: {run.Error}");
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static (int ExitCode, string Output, string Error) Bootstrap(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Repository.PathOf("scripts", "bootstrap.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>Each stage's instructions, by stage name.</summary>
    private static Dictionary<string, List<string>> Stages()
    {
        var stages = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in Lines)
        {
            var from = Regex.Match(line, @"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$", RegexOptions.IgnoreCase);
            if (from.Success)
            {
                current = [line];
                stages[from.Groups[2].Success ? from.Groups[2].Value : $"#{stages.Count}"] = current;
            }
            else
            {
                current?.Add(line);
            }
        }
        return stages;
    }

    private static List<string> Ancestry(Dictionary<string, List<string>> stages, string stage)
    {
        var chain = new List<string>();
        for (var name = stage; name != null && stages.ContainsKey(name) && !chain.Contains(name);)
        {
            chain.Add(name);
            name = Regex.Match(stages[name][0], @"^FROM\s+(\S+)", RegexOptions.IgnoreCase).Groups[1].Value;
        }
        return chain;
    }

    /// <summary>Instructions as single lines: comments dropped, continuations joined.</summary>
    private static string[] Instructions(string text) =>
        Regex.Replace(string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))), @"\\\s*\n", " ")
            .Split('\n').Select(l => Regex.Replace(l.Trim(), @"\s+", " ")).Where(l => l.Length > 0).ToArray();

    // A package tool as a command (not as part of a path such as /root/.npm).
    [GeneratedRegex(@"(?<![./\w-])(apt-get|apt|aptitude|dpkg|apk|yum|dnf|microdnf|pip3?|conda|npm|curl|wget|add-apt-repository)(?![./\w-])")]
    private static partial Regex PackageInstall();
}
