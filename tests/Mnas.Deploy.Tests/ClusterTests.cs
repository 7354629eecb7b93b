using System.Globalization;
using System.Text.Json;

namespace Mnas.Deploy.Tests;

/// <summary>The runtime is an Orleans cluster with its membership in the store's PostgreSQL: controllers and workers are
/// silos (silo and gateway ports, the pod's identity from the downward API, the orleans labels, a ServiceAccount whose
/// Role lets the Kubernetes hosting watch the cluster's pods), the API is its client, and nothing of the broker or the
/// leadership lock is left.</summary>
public sealed class ClusterTests
{
    public static TheoryData<string> Profiles() => new(["", .. Helm.Profiles()]);

    private static IEnumerable<Node> Deployments(Manifests manifests, params string[] components) =>
        manifests.OfKind("Deployment").Where(d => components.Contains(d["metadata"]["labels"]["app.kubernetes.io/component"].Text));

    private static IEnumerable<Node> Silos(Manifests manifests) => Deployments(manifests, "controller", "worker");

    private static Node Container(Node workload) => workload["spec"]["template"]["spec"]["containers"].Items.Single();

    private static JsonElement Settings(Manifests manifests, string name = "release-mnas-settings") =>
        JsonDocument.Parse(manifests.OfKind("ConfigMap").Single(m => m["metadata"]["name"].Text == name)["data"]["settings.json"].Text!).RootElement;

    private static int Int(string? text) => int.Parse(text!, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void nothing_of_the_broker_or_the_leases_is_rendered(string profile)
    {
        var (exitCode, output) = Helm.Run(["template", "release", Repository.Chart, .. Helm.ValuesOf(profile)]);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("amqp", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("5672", output, StringComparison.Ordinal);
        Assert.DoesNotContain("TRANSPORT", output, StringComparison.OrdinalIgnoreCase);
        var manifests = Helm.Template(profile);
        var settings = Settings(manifests);
        Assert.False(settings.TryGetProperty("transport", out _));
        Assert.False(settings.TryGetProperty("leases", out _));
        // What runs: Mnas and, for evaluation installs, PostgreSQL; nothing else.
        var images = manifests.Workloads().SelectMany(w => w.PodSpec["containers"].Items.Concat(w.PodSpec["initContainers"].Items))
            .Select(c => c["image"].Text).ToHashSet();
        Assert.Subset(new HashSet<string?> { "mnas:0.1.0", "mnas-gpu:0.1.0", "postgres:17" }, images);
        Assert.Equal(profile == "external.yaml" ? [] : ["StatefulSet/release-mnas-postgres"], manifests.OfKind("StatefulSet").Select(Manifests.NameOf));
        Assert.Equal(profile == "external.yaml" ? ["Service/release-mnas-api"] : ["Service/release-mnas-api", "Service/release-mnas-postgres"],
            manifests.OfKind("Service").Select(Manifests.NameOf).Order());
        foreach (var secret in manifests.OfKind("Secret"))
        {
            Assert.Equal(["postgres-password"], secret["data"].Entries.Select(e => e.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void only_the_store_s_the_cluster_s_and_the_worker_s_settings_reach_the_pods_from_the_environment(string profile)
    {
        string[] prefixes = ["MNAS_STORE__", "MNAS_CLUSTER__", "MNAS_WORKER__"];
        foreach (var (workload, pod) in Helm.Template(profile).Workloads())
        {
            foreach (var variable in pod["containers"].Items.SelectMany(c => c["env"].Items).Select(e => e["name"].Text!).Where(n => n.StartsWith("MNAS_", StringComparison.Ordinal)))
            {
                Assert.True(variable is "MNAS_CONFIG" or "MNAS_POSTGRES_PASSWORD" || prefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal)),
                    $"{Manifests.NameOf(workload)} sets {variable}");
            }
        }
    }

    [Fact]
    public void the_chart_and_the_operator_guide_name_no_removed_setting()
    {
        var files = Directory.GetFiles(Path.Combine(Repository.Root, "k8s"), "*", SearchOption.AllDirectories)
            .Append(Repository.PathOf("docs", "operations.md"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var removed in new[] { "transport.", "leases.", "amqp", "leaseGraceSeconds", "leaseHeartbeatSeconds", "advisory lock leads" })
            {
                Assert.False(text.Contains(removed, StringComparison.OrdinalIgnoreCase), $"{file} names {removed}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_settings_put_the_cluster_s_membership_in_postgres(string profile)
    {
        var cluster = Settings(Helm.Template(profile)).GetProperty("cluster");
        Assert.Equal("postgres", cluster.GetProperty("membership").GetString());
        Assert.Equal("mnas", cluster.GetProperty("id").GetString());
        Assert.Equal("mnas", cluster.GetProperty("service_id").GetString());
        Assert.Equal(11111, cluster.GetProperty("silo_port").GetInt32());
        Assert.Equal(30000, cluster.GetProperty("gateway_port").GetInt32());
        Assert.Equal(2, cluster.GetProperty("probe_timeout_seconds").GetInt32());
        Assert.Equal(3, cluster.GetProperty("missed_probes_limit").GetInt32());
        Assert.Equal(30, cluster.GetProperty("shutdown_seconds").GetInt32());
        // The membership's connection string defaults to the store's, which holds the password: not in the file.
        Assert.False(cluster.TryGetProperty("connection_string", out _));
    }

    [Fact]
    public void the_cluster_values_reach_the_settings()
    {
        var cluster = Settings(Helm.Template("", "clusterId=blue", "clusterServiceId=search", "clusterProbeTimeoutSeconds=4",
            "clusterMissedProbesLimit=5", "clusterShutdownSeconds=45", "controllerTerminationGraceSeconds=90",
            "workerTerminationGraceSeconds=120")).GetProperty("cluster");
        Assert.Equal("blue", cluster.GetProperty("id").GetString());
        Assert.Equal("search", cluster.GetProperty("service_id").GetString());
        Assert.Equal(4, cluster.GetProperty("probe_timeout_seconds").GetInt32());
        Assert.Equal(5, cluster.GetProperty("missed_probes_limit").GetInt32());
        Assert.Equal(45, cluster.GetProperty("shutdown_seconds").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void controllers_and_workers_open_the_silo_and_gateway_ports_the_settings_name(string profile)
    {
        var manifests = Helm.Template(profile, "siloPort=12000", "gatewayPort=31000");
        var cluster = Settings(manifests).GetProperty("cluster");
        Assert.Equal(12000, cluster.GetProperty("silo_port").GetInt32());
        Assert.Equal(31000, cluster.GetProperty("gateway_port").GetInt32());
        var silos = Silos(manifests).ToList();
        Assert.Contains(silos, s => s["metadata"]["labels"]["app.kubernetes.io/component"].Text == "controller");
        Assert.Contains(silos, s => s["metadata"]["labels"]["app.kubernetes.io/component"].Text == "worker");
        foreach (var silo in silos)
        {
            var ports = Container(silo)["ports"].Items.ToDictionary(p => p["name"].Text!, p => p["containerPort"].Text);
            Assert.True(ports.GetValueOrDefault("silo") == "12000", $"{Manifests.NameOf(silo)}: silo port {ports.GetValueOrDefault("silo")}");
            Assert.True(ports.GetValueOrDefault("gateway") == "31000", $"{Manifests.NameOf(silo)}: gateway port {ports.GetValueOrDefault("gateway")}");
            Assert.True(ports.ContainsKey("management"), $"{Manifests.NameOf(silo)}: no management port");
        }
        // The API is a client: it listens on no cluster port.
        var api = Container(Deployments(manifests, "api").Single())["ports"].Items.Select(p => p["name"].Text);
        Assert.DoesNotContain("silo", api);
        Assert.DoesNotContain("gateway", api);
    }

    [Theory]
    [InlineData("gatewayPort=11111")]
    [InlineData("siloPort=9090")]
    public void colliding_ports_are_refused(string set)
    {
        var (exitCode, output) = Helm.Run("template", "release", Repository.Chart, "--set", set);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("must differ", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void every_silo_knows_its_pod_from_the_downward_api_and_advertises_its_pod_ip(string profile)
    {
        foreach (var silo in Silos(Helm.Template(profile)))
        {
            var env = Container(silo)["env"].Items.ToDictionary(e => e["name"].Text!);
            foreach (var (name, field) in new[]
            {
                ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"), ("POD_IP", "status.podIP"),
                ("MNAS_CLUSTER__ADVERTISED_ADDRESS", "status.podIP"),
                ("ORLEANS_SERVICE_ID", "metadata.labels['orleans/serviceId']"), ("ORLEANS_CLUSTER_ID", "metadata.labels['orleans/clusterId']"),
            })
            {
                Assert.True(env.ContainsKey(name), $"{Manifests.NameOf(silo)}: no {name}");
                Assert.Equal(field, env[name]["valueFrom"]["fieldRef"]["fieldPath"].Text);
            }
            Assert.Equal("true", env["MNAS_CLUSTER__KUBERNETES"]["value"].Text);
        }
    }

    [Fact]
    public void the_api_and_the_migrations_are_no_silos()
    {
        var manifests = Helm.Template("");
        foreach (var (workload, pod) in manifests.Workloads().Where(w => w.Workload["metadata"]["labels"]["app.kubernetes.io/component"].Text is "api" or "migrations"))
        {
            var env = pod["containers"].Items.Single()["env"].Items.Select(e => e["name"].Text).ToList();
            Assert.DoesNotContain("MNAS_CLUSTER__KUBERNETES", env);
            Assert.DoesNotContain("POD_NAME", env);
            Assert.Equal("false", pod["automountServiceAccountToken"].Text);
            var labels = workload["spec"]["template"]["metadata"]["labels"];
            Assert.False(labels["orleans/clusterId"].Exists, Manifests.NameOf(workload));
            Assert.False(labels["orleans/serviceId"].Exists, Manifests.NameOf(workload));
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("gpu-workers.yaml", "clusterId=blue clusterServiceId=search")]
    public void silo_pods_carry_the_orleans_labels_of_the_settings_and_selectors_do_not(string profile, string sets)
    {
        var manifests = Helm.Template(profile, sets.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cluster = Settings(manifests).GetProperty("cluster");
        foreach (var silo in Silos(manifests))
        {
            var labels = silo["spec"]["template"]["metadata"]["labels"];
            Assert.Equal(cluster.GetProperty("service_id").GetString(), labels["orleans/serviceId"].Text);
            Assert.Equal(cluster.GetProperty("id").GetString(), labels["orleans/clusterId"].Text);
            // A selector is immutable: a new cluster id must not need the Deployment replaced.
            Assert.DoesNotContain(silo["spec"]["selector"]["matchLabels"].Entries, e => e.Key.StartsWith("orleans/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_silos_service_account_may_watch_and_delete_the_namespace_s_pods_and_no_other_may(string profile)
    {
        var manifests = Helm.Template(profile);
        var role = Assert.Single(manifests.OfKind("Role"));
        var rule = role["rules"].Items.Single();
        Assert.Equal([""], rule["apiGroups"].Items.Select(i => i.Text));
        Assert.Equal(["pods"], rule["resources"].Items.Select(i => i.Text));
        var verbs = rule["verbs"].Items.Select(i => i.Text).ToList();
        foreach (var verb in new[] { "get", "list", "watch", "delete" })
        {
            Assert.Contains(verb, verbs);
        }
        Assert.DoesNotContain("create", verbs);
        Assert.DoesNotContain("*", verbs);
        Assert.Empty(manifests.OfKind("ClusterRole"));
        Assert.Empty(manifests.OfKind("ClusterRoleBinding"));

        var binding = Assert.Single(manifests.OfKind("RoleBinding"));
        Assert.Equal("Role", binding["roleRef"]["kind"].Text);
        Assert.Equal(role["metadata"]["name"].Text, binding["roleRef"]["name"].Text);
        var subject = binding["subjects"].Items.Single();
        Assert.Equal("ServiceAccount", subject["kind"].Text);
        var accounts = manifests.OfKind("ServiceAccount").Select(a => a["metadata"]["name"].Text).ToList();
        Assert.Contains(subject["name"].Text, accounts);

        foreach (var (workload, pod) in manifests.Workloads())
        {
            var silo = workload["metadata"]["labels"]["app.kubernetes.io/component"].Text is "controller" or "worker";
            var where = Manifests.NameOf(workload);
            Assert.True(accounts.Contains(pod["serviceAccountName"].Text), $"{where} runs as an account the chart does not create");
            // The silos mount the bound account's token; every other pod runs as an account without rights or a token.
            Assert.True(silo == (pod["serviceAccountName"].Text == subject["name"].Text), $"{where}: service account {pod["serviceAccountName"].Text}");
            Assert.Equal(silo ? "true" : "false", pod["automountServiceAccountToken"].Text);
        }
    }

    [Fact]
    public void existing_service_accounts_can_be_named_and_the_role_left_out()
    {
        var manifests = Helm.Template("", "serviceAccountCreate=false", "serviceAccountName=mnas-plain", "siloServiceAccountName=mnas-silos", "rbacCreate=false");
        Assert.Empty(manifests.OfKind("ServiceAccount"));
        Assert.Empty(manifests.OfKind("Role"));
        Assert.Empty(manifests.OfKind("RoleBinding"));
        foreach (var (workload, pod) in manifests.Workloads())
        {
            var silo = workload["metadata"]["labels"]["app.kubernetes.io/component"].Text is "controller" or "worker";
            Assert.Equal(silo ? "mnas-silos" : "mnas-plain", pod["serviceAccountName"].Text);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_controllers_and_every_worker_pool_have_a_disruption_budget_of_one(string profile)
    {
        var manifests = Helm.Template(profile);
        var budgets = manifests.OfKind("PodDisruptionBudget").ToList();
        foreach (var silo in Silos(manifests))
        {
            var podLabels = NetworkPolicies.Labels(silo["spec"]["template"]["metadata"]["labels"]);
            var budget = budgets.Where(b => NetworkPolicies.Selects(b["spec"]["selector"], podLabels)).ToList();
            Assert.True(budget.Count == 1, $"{Manifests.NameOf(silo)} is under {budget.Count} disruption budgets");
            Assert.Equal("1", budget[0]["spec"]["maxUnavailable"].Text);
            // The budget covers this workload's pods only.
            foreach (var other in Silos(manifests).Where(o => o != silo))
            {
                Assert.False(NetworkPolicies.Selects(budget[0]["spec"]["selector"], NetworkPolicies.Labels(other["spec"]["template"]["metadata"]["labels"])),
                    $"{Manifests.NameOf(budget[0])} also covers {Manifests.NameOf(other)}");
            }
        }
    }

    [Fact]
    public void the_disruption_budgets_can_be_widened()
    {
        var budgets = Helm.Template("", "controllerMaxUnavailable=2", "workerMaxUnavailable=3").OfKind("PodDisruptionBudget")
            .ToDictionary(b => b["metadata"]["name"].Text!, b => b["spec"]["maxUnavailable"].Text);
        Assert.Equal("2", budgets["release-mnas-controller"]);
        Assert.Equal("3", budgets["release-mnas-worker-cpu"]);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void a_stopping_silo_has_longer_than_its_shutdown_to_hand_its_grains_over(string profile)
    {
        var manifests = Helm.Template(profile);
        var shutdown = Settings(manifests).GetProperty("cluster").GetProperty("shutdown_seconds").GetInt32();
        foreach (var silo in Silos(manifests))
        {
            var grace = silo["spec"]["template"]["spec"]["terminationGracePeriodSeconds"].Text;
            Assert.True(grace is not null, $"{Manifests.NameOf(silo)} has the default grace period");
            Assert.True(Int(grace) > shutdown, $"{Manifests.NameOf(silo)}: grace {grace} s, shutdown {shutdown} s");
        }
    }

    [Theory]
    [InlineData("controllerTerminationGraceSeconds=30", "controllerTerminationGraceSeconds")]
    [InlineData("workerTerminationGraceSeconds=20", "workerTerminationGraceSeconds")]
    [InlineData("clusterShutdownSeconds=60", "clusterShutdownSeconds")]
    public void a_grace_period_no_longer_than_the_shutdown_is_refused(string set, string named)
    {
        var (exitCode, output) = Helm.Run("template", "release", Repository.Chart, "--set", set);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.Contains("clusterShutdownSeconds", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_network_policy_lets_silos_reach_silos_the_api_reach_gateways_and_everyone_reach_postgres(string profile)
    {
        var manifests = Helm.Template(profile);
        foreach (var (workload, labels) in NetworkPolicies.Pods(manifests).Where(p => p.Labels["app.kubernetes.io/component"] is "controller" or "worker"))
        {
            var where = Manifests.NameOf(workload);
            Assert.True(NetworkPolicies.Sources(manifests, labels, "11111").SetEquals(["controller", "worker"]),
                $"{where}: the silo port is open to {string.Join(", ", NetworkPolicies.Sources(manifests, labels, "11111"))}");
            Assert.True(NetworkPolicies.Sources(manifests, labels, "30000").SetEquals(["api"]),
                $"{where}: the gateway port is open to {string.Join(", ", NetworkPolicies.Sources(manifests, labels, "30000"))}");
        }
        var postgres = NetworkPolicies.Pods(manifests).Where(p => p.Labels["app.kubernetes.io/component"] == "postgres").ToList();
        Assert.Equal(profile == "external.yaml" ? 0 : 1, postgres.Count);
        foreach (var (_, labels) in postgres)
        {
            var sources = NetworkPolicies.Sources(manifests, labels, "5432");
            foreach (var component in new[] { "api", "controller", "worker", "migrations" })
            {
                Assert.Contains(component, sources);
            }
            Assert.DoesNotContain("*", sources);
        }
    }

    [Fact]
    public void the_migrations_read_settings_rendered_from_the_new_values_before_the_upgrade_s_config_map_exists()
    {
        var manifests = Helm.Template("");
        var job = manifests.OfKind("Job").Single();
        var own = manifests.OfKind("ConfigMap").Single(m => m["metadata"]["name"].Text == "release-mnas-migrations-settings");
        // The same settings as the release's, as a hook of the Job's events that is made before the Job.
        Assert.Equal(Settings(manifests).GetRawText(), Settings(manifests, "release-mnas-migrations-settings").GetRawText());
        Assert.Equal(job["metadata"]["annotations"]["helm.sh/hook"].Text, own["metadata"]["annotations"]["helm.sh/hook"].Text);
        Assert.True(Int(own["metadata"]["annotations"]["helm.sh/hook-weight"].Text) < Int(job["metadata"]["annotations"]["helm.sh/hook-weight"].Text));
        var volumes = job["spec"]["template"]["spec"]["volumes"].Items;
        Assert.Contains(volumes, v => v["configMap"]["name"].Text == "release-mnas-migrations-settings");
        Assert.DoesNotContain(volumes, v => v["configMap"]["name"].Text == "release-mnas-settings");
    }
}
