namespace Mnas.Deploy.Tests;

/// <summary>What operators rely on, asserted on the rendered manifests of the default values and of each profile.</summary>
public sealed class RenderedManifestTests
{
    public static TheoryData<string> Profiles() => new(["", .. Helm.Profiles()]);

    private static IEnumerable<(Node Workload, Node Container)> Containers(Manifests manifests) =>
        manifests.Workloads().SelectMany(w =>
            w.PodSpec["containers"].Items.Concat(w.PodSpec["initContainers"].Items).Select(c => (w.Workload, c)));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void every_long_running_container_has_liveness_and_readiness_probes(string profile)
    {
        // A Job's container runs to completion and an init container before the others: probes do not apply to them.
        var longRunning = Helm.Template(profile).Workloads().Where(w => w.Workload["kind"].Text != "Job")
            .SelectMany(w => w.PodSpec["containers"].Items.Select(c => (w.Workload, Container: c)));
        foreach (var (workload, container) in longRunning)
        {
            var where = $"{Manifests.NameOf(workload)} container {container["name"].Text}";
            Assert.True(container["livenessProbe"].Exists, $"{where} has no liveness probe");
            Assert.True(container["readinessProbe"].Exists, $"{where} has no readiness probe");
        }
    }

    [Fact]
    public void the_api_probes_its_health_endpoints()
    {
        var api = Helm.Template("").OfKind("Deployment").Single(d => d["metadata"]["name"].Text == "release-mnas-api");
        var container = api["spec"]["template"]["spec"]["containers"].Items.Single();
        Assert.Equal("/healthz", container["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/readyz", container["readinessProbe"]["httpGet"]["path"].Text);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void everything_runs_non_root_with_a_read_only_root_and_no_capabilities(string profile)
    {
        var manifests = Helm.Template(profile);
        Assert.NotEmpty(manifests.Workloads());
        foreach (var (workload, container) in Containers(manifests))
        {
            var where = $"{Manifests.NameOf(workload)} container {container["name"].Text}";
            var pod = manifests.Workloads().Single(w => ReferenceEquals(w.Workload, workload)).PodSpec["securityContext"];
            var own = container["securityContext"];
            Assert.True((own["runAsNonRoot"].Text ?? pod["runAsNonRoot"].Text) == "true", $"{where} may run as root");
            var user = own["runAsUser"].Text ?? pod["runAsUser"].Text;
            Assert.True(user is not null && user != "0", $"{where} runs as user {user ?? "(unset)"}");
            Assert.True(own["readOnlyRootFilesystem"].Text == "true", $"{where} has a writable root filesystem");
            Assert.True(own["allowPrivilegeEscalation"].Text == "false", $"{where} allows privilege escalation");
            Assert.Equal(["ALL"], own["capabilities"]["drop"].Items.Select(i => i.Text));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void every_container_has_resource_requests_and_limits(string profile)
    {
        foreach (var (workload, container) in Containers(Helm.Template(profile)))
        {
            var where = $"{Manifests.NameOf(workload)} container {container["name"].Text}";
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.True(container["resources"][kind]["cpu"].Exists, $"{where}: no cpu {kind}");
                Assert.True(container["resources"][kind]["memory"].Exists, $"{where}: no memory {kind}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void gpu_limits_are_only_on_gpu_workers(string profile)
    {
        foreach (var (workload, container) in Containers(Helm.Template(profile)))
        {
            if (container["resources"]["limits"]["nvidia.com/gpu"].Exists)
            {
                Assert.Equal("worker", workload["metadata"]["labels"]["app.kubernetes.io/component"].Text);
                Assert.Equal("gpu", workload["metadata"]["labels"]["mnas/worker-pool"].Text);
            }
        }
    }

    [Fact]
    public void the_gpu_pool_asks_for_a_gpu_on_gpu_nodes_and_trains_on_cuda_and_the_cpu_pool_does_not()
    {
        var workers = Helm.Template("gpu-workers.yaml").OfKind("Deployment")
            .Where(d => d["metadata"]["labels"]["app.kubernetes.io/component"].Text == "worker")
            .ToDictionary(d => d["metadata"]["labels"]["mnas/worker-pool"].Text!);
        Assert.Equal(["cpu", "gpu"], workers.Keys.Order());
        var gpu = workers["gpu"]["spec"]["template"]["spec"];
        Assert.Equal("1", gpu["containers"].Items.Single()["resources"]["limits"]["nvidia.com/gpu"].Text);
        Assert.True(gpu["nodeSelector"].Exists);
        Assert.NotEmpty(gpu["tolerations"].Items);
        Assert.Contains(gpu["containers"].Items.Single()["env"].Items,
            e => e["name"].Text == "MNAS_WORKER__DEVICE_CLASS" && e["value"].Text == "cuda-a100");
        Assert.Contains(gpu["containers"].Items.Single()["env"].Items, e => e["name"].Text == "MNAS_WORKER__DEVICE" && e["value"].Text == "cuda");
        Assert.DoesNotContain(workers["cpu"]["spec"]["template"]["spec"]["containers"].Items.Single()["env"].Items,
            e => e["name"].Text == "MNAS_WORKER__DEVICE");
        Assert.False(workers["cpu"]["spec"]["template"]["spec"]["containers"].Items.Single()["resources"]["limits"]["nvidia.com/gpu"].Exists);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void every_worker_pool_has_a_disruption_budget(string profile)
    {
        var manifests = Helm.Template(profile);
        var pools = manifests.OfKind("Deployment").Select(d => d["metadata"]["labels"]["mnas/worker-pool"].Text).OfType<string>();
        var budgets = manifests.OfKind("PodDisruptionBudget")
            .Where(p => p["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"].Text == "worker")
            .Select(p => p["spec"]["selector"]["matchLabels"]["mnas/worker-pool"].Text);
        Assert.Equal(pools.Order(), budgets.Order());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void secrets_are_never_in_config_maps(string profile)
    {
        const string postgres = "postgres-sentinel-5f1c";
        var manifests = Helm.Template(profile, $"postgresPassword={postgres}");
        foreach (var map in manifests.OfKind("ConfigMap"))
        {
            foreach (var (key, value) in map["data"].Entries)
            {
                Assert.DoesNotContain(postgres, value.Text);
                Assert.DoesNotContain("password", value.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("connection_string", value.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("password", key, StringComparison.OrdinalIgnoreCase);
            }
        }
        // And every password a container sees comes from a Secret.
        foreach (var (workload, container) in Containers(manifests))
        {
            foreach (var variable in container["env"].Items.Where(e => e["name"].Text!.Contains("PASS", StringComparison.Ordinal)))
            {
                Assert.True(variable["valueFrom"]["secretKeyRef"].Exists,
                    $"{Manifests.NameOf(workload)}: {variable["name"].Text} does not come from a Secret");
            }
        }
    }

    [Fact]
    public void existing_secrets_are_referenced_not_copied()
    {
        var manifests = Helm.Template("external.yaml");
        var env = manifests.OfKind("Deployment").Single(d => d["metadata"]["name"].Text == "release-mnas-api")
            ["spec"]["template"]["spec"]["containers"].Items.Single()["env"].Items.ToList();
        Assert.Equal("mnas-postgres", env.Single(e => e["name"].Text == "MNAS_POSTGRES_PASSWORD")["valueFrom"]["secretKeyRef"]["name"].Text);
        Assert.Empty(manifests.OfKind("Secret"));
    }
}
