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
        var settings = JsonDocument.Parse(manifests.OfKind("ConfigMap").Single(m => m["metadata"]["name"].Text == "release-mnas-settings")["data"]["settings.json"].Text!).RootElement;
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
    public void the_network_policy_lets_the_management_port_in_and_only_the_cluster_s_ports_besides_into_controllers_and_workers()
    {
        var manifests = Helm.Template("");
        var management = manifests.OfKind("NetworkPolicy").Single(p => p["metadata"]["name"].Text == "release-mnas-management");
        Assert.Equal("9090", management["spec"]["ingress"].Items.Single()["ports"].Items.Single()["port"].Text);
        var components = management["spec"]["podSelector"]["matchExpressions"].Items
            .Single(e => e["key"].Text == "app.kubernetes.io/component")["values"].Items.Select(v => v.Text);
        Assert.Equal(["api", "controller", "worker"], components.Order());
        // Into controllers and workers: the management port, the silo port and the gateway port, nothing else.
        foreach (var (workload, labels) in NetworkPolicies.Pods(manifests).Where(p => p.Labels["app.kubernetes.io/component"] is "controller" or "worker"))
        {
            var ports = NetworkPolicies.Open(manifests, labels).Select(r => r.Port).Distinct().Order();
            Assert.True(ports.SequenceEqual(["11111", "30000", "9090"]), $"{Manifests.NameOf(workload)} is open on {string.Join(", ", ports)}");
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
}
