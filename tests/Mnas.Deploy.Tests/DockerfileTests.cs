using System.Text.RegularExpressions;

namespace Mnas.Deploy.Tests;

/// <summary>The image build does what a fresh machine does: every build stage runs scripts/bootstrap.sh, and nothing
/// in the Dockerfile installs anything by itself.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = Instructions(File.ReadAllText(Repository.PathOf("Dockerfile")));

    [Fact]
    public void each_image_target_is_built_by_a_stage_that_runs_the_bootstrap()
    {
        var stages = Stages();
        foreach (var target in new[] { "cpu", "gpu" })
        {
            Assert.True(stages.ContainsKey(target), $"no target {target}");
            var chain = Ancestry(stages, target);
            Assert.True(chain.Any(s => stages[s].Any(l => l == "RUN scripts/bootstrap.sh")),
                $"target {target} is built without scripts/bootstrap.sh (stages {string.Join(", ", chain)})");
        }
    }

    [Fact]
    public void nothing_installs_packages_outside_the_bootstrap()
    {
        foreach (var line in Lines.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)))
        {
            Assert.False(PackageInstall().IsMatch(line), $"the Dockerfile installs something itself: {line}");
        }
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
        Assert.Matches(@"packages=\([^)]*\bunzip\b", bootstrap);
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
