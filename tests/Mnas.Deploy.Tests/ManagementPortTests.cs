using System.Text.Json;

namespace Mnas.Deploy.Tests;

/// <summary>Controllers and workers are probed over HTTP on the management port that the settings make them serve, and
/// every long-running Mnas container exposes its metrics there.</summary>
public sealed class ManagementPortTests
{
    public static TheoryData<string> Profiles() => new(["", .. Helm.Profiles()]);

    private static IEnumerable<(Node Workload, Node Pod, Node Container)> MnasContainers(Manifests manifests) =>
        manifests.OfKind("Deployment")
            .Where(d => d["metadata"]["labels"]["app.kubernetes.io/component"].Text is "api" or "controller" or "worker")
            .Select(d => (d, d["spec"]["template"]))
            .Select(p => (p.Item1, p.Item2, p.Item2["spec"]["containers"].Items.Single()));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void controllers_and_workers_probe_health_over_http_on_the_management_port(string profile)
    {
        var manifests = Helm.Template(profile);
        var probed = MnasContainers(manifests).Where(c => c.Workload["metadata"]["labels"]["app.kubernetes.io/component"].Text != "api").ToList();
        Assert.Contains(probed, c => c.Workload["metadata"]["labels"]["app.kubernetes.io/component"].Text == "controller");
        Assert.Contains(probed, c => c.Workload["metadata"]["labels"]["app.kubernetes.io/component"].Text == "worker");
        foreach (var (workload, _, container) in probed)
        {
            var where = Manifests.NameOf(workload);
            Assert.Equal("/healthz", container["livenessProbe"]["httpGet"]["path"].Text);
            Assert.Equal("management", container["livenessProbe"]["httpGet"]["port"].Text);
            Assert.Equal("/readyz", container["readinessProbe"]["httpGet"]["path"].Text);
            Assert.Equal("management", container["readinessProbe"]["httpGet"]["port"].Text);
            Assert.False(container["livenessProbe"]["exec"].Exists, $"{where} still probes by command");
        }
    }

    [Fact]
    public void readiness_waits_longer_than_a_silent_dependency_takes_to_report()
    {
        // /readyz gives a dependency that does not answer 5 s before it reports it.
        foreach (var (workload, _, container) in MnasContainers(Helm.Template("")))
        {
            var timeout = int.Parse(container["readinessProbe"]["timeoutSeconds"].Text ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(timeout > 5, $"{Manifests.NameOf(workload)}: readiness times out after {timeout} s");
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_management_port_is_the_one_the_settings_listen_on_and_scrapers_are_told(string profile)
    {
        var manifests = Helm.Template(profile, "managementPort=9123");
        var settings = JsonDocument.Parse(manifests.OfKind("ConfigMap").Single()["data"]["settings.json"].Text!).RootElement;
        Assert.Equal("http://0.0.0.0:9123", settings.GetProperty("management").GetProperty("listen").GetString());
        foreach (var (workload, pod, container) in MnasContainers(manifests))
        {
            var where = Manifests.NameOf(workload);
            var port = container["ports"].Items.SingleOrDefault(p => p["name"].Text == "management");
            Assert.True(port is not null, $"{where} declares no management port");
            Assert.Equal("9123", port!["containerPort"].Text);
            Assert.Equal("true", pod["metadata"]["annotations"]["prometheus.io/scrape"].Text);
            Assert.Equal("9123", pod["metadata"]["annotations"]["prometheus.io/port"].Text);
            Assert.Equal("/metrics", pod["metadata"]["annotations"]["prometheus.io/path"].Text);
        }
    }

    [Fact]
    public void scrape_annotations_can_be_turned_off()
    {
        foreach (var (workload, pod, _) in MnasContainers(Helm.Template("", "metricsAnnotations=false")))
        {
            Assert.False(pod["metadata"]["annotations"]["prometheus.io/scrape"].Exists, Manifests.NameOf(workload));
        }
    }

    [Fact]
    public void the_network_policy_lets_the_management_port_in_and_nothing_else_into_controllers_and_workers()
    {
        var policies = Helm.Template("").OfKind("NetworkPolicy").ToList();
        var management = policies.Single(p => p["metadata"]["name"].Text == "release-mnas-management");
        Assert.Equal("9090", management["spec"]["ingress"].Items.Single()["ports"].Items.Single()["port"].Text);
        var components = management["spec"]["podSelector"]["matchExpressions"].Items
            .Single(e => e["key"].Text == "app.kubernetes.io/component")["values"].Items.Select(v => v.Text);
        Assert.Equal(["api", "controller", "worker"], components.Order());
        // No other policy opens controllers or workers.
        foreach (var policy in policies.Where(p => p != management))
        {
            var selected = policy["spec"]["podSelector"]["matchExpressions"].Items
                .Where(e => e["key"].Text == "app.kubernetes.io/component").SelectMany(e => e["values"].Items.Select(v => v.Text));
            if (policy["spec"]["ingress"].Items.Any())
            {
                Assert.DoesNotContain("controller", selected);
                Assert.DoesNotContain("worker", selected);
            }
        }
    }

    [Fact]
    public void the_migrations_hook_runs_the_migrate_command()
    {
        var job = Helm.Template("").OfKind("Job").Single();
        Assert.Equal("pre-upgrade", job["metadata"]["annotations"]["helm.sh/hook"].Text!.Split(',').Single(h => h == "pre-upgrade"));
        Assert.Equal(["migrate"], job["spec"]["template"]["spec"]["containers"].Items.Single()["args"].Items.Select(a => a.Text));
        var command = File.ReadAllText(Repository.PathOf("src", "Mnas.Host", "Commands", "MigrateCommand.cs"));
        Assert.Contains("new Command(\"migrate\"", command);
    }

    [Fact]
    public void the_evaluation_broker_writes_its_configuration_to_a_volume_under_a_read_only_root()
    {
        var broker = Helm.Template("").OfKind("StatefulSet").Single(s => s["metadata"]["name"].Text == "release-mnas-rabbitmq");
        var spec = broker["spec"]["template"]["spec"];
        var mounts = spec["containers"].Items.Single()["volumeMounts"].Items.ToList();
        var configuration = mounts.Single(m => m["mountPath"].Text == "/etc/rabbitmq");
        Assert.True(spec["volumes"].Items.Single(v => v["name"].Text == configuration["name"].Text)["emptyDir"].Exists);
        var copy = spec["initContainers"].Items.Single();
        Assert.Contains("/etc/rabbitmq/", string.Join(' ', copy["command"].Items.Select(c => c.Text)));
        Assert.Contains(copy["volumeMounts"].Items, m => m["name"].Text == configuration["name"].Text);
    }
}
