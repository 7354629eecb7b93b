namespace Mnas.Deploy.Tests;

public sealed class ChartLintTests
{
    public static TheoryData<string> Profiles() => new(["", .. Helm.Profiles()]);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_chart_passes_helm_lint(string profile)
    {
        var (exitCode, output) = Helm.Run(["lint", Repository.Chart, "--strict", .. Helm.ValuesOf(profile)]);
        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void the_chart_renders_the_api_controllers_and_workers(string profile)
    {
        var manifests = Helm.Template(profile);
        var deployments = manifests.OfKind("Deployment").Select(Manifests.NameOf).ToList();
        Assert.Contains("Deployment/release-mnas-api", deployments);
        Assert.Contains("Deployment/release-mnas-controller", deployments);
        Assert.Contains("Deployment/release-mnas-worker-cpu", deployments);
        var job = Assert.Single(manifests.OfKind("Job"));
        Assert.Contains("pre-upgrade", job["metadata"]["annotations"]["helm.sh/hook"].Text);
    }

    [Fact]
    public void there_is_a_profile_for_external_services_gpu_workers_and_ingress()
    {
        Assert.Equal(["external.yaml", "gpu-workers.yaml", "ingress.yaml"], Helm.Profiles());
    }

    [Fact]
    public void the_controllers_run_two_replicas_by_default()
    {
        var controller = Helm.Template("").OfKind("Deployment").Single(d => d["metadata"]["name"].Text == "release-mnas-controller");
        Assert.Equal("2", controller["spec"]["replicas"].Text);
    }

    [Fact]
    public void the_external_profile_deploys_no_database()
    {
        var manifests = Helm.Template("external.yaml");
        Assert.Empty(manifests.OfKind("StatefulSet"));
        Assert.Empty(manifests.OfKind("Secret"));
    }

    [Fact]
    public void the_ingress_profile_fronts_the_api_with_tls()
    {
        var ingress = Assert.Single(Helm.Template("ingress.yaml").OfKind("Ingress"));
        Assert.Equal("mnas-tls", ingress["spec"]["tls"].Items.Single()["secretName"].Text);
        var backend = ingress["spec"]["rules"].Items.Single()["http"]["paths"].Items.Single()["backend"]["service"]["name"].Text;
        Assert.Equal("release-mnas-api", backend);
    }
}
