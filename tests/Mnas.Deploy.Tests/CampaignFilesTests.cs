namespace Mnas.Deploy.Tests;

/// <summary>Children's weights can live on a shared claim, so that they outlive the worker that trained them and any
/// pod can export them; without one they stay in the pod's own data directory.</summary>
public sealed class CampaignFilesTests
{
    private static IEnumerable<Node> MnasPods(Manifests manifests) =>
        manifests.OfKind("Deployment")
            .Where(d => d["metadata"]["labels"]["app.kubernetes.io/component"].Text is "api" or "controller" or "worker")
            .Select(d => d["spec"]["template"]["spec"]);

    [Fact]
    public void a_campaign_files_claim_is_mounted_over_the_campaigns_directory_of_every_mnas_pod()
    {
        var pods = MnasPods(Helm.Template("gpu-workers.yaml", "campaignFilesClaim=mnas-files")).ToList();
        Assert.Equal(4, pods.Count);
        foreach (var pod in pods)
        {
            var volume = pod["volumes"].Items.Single(v => v["persistentVolumeClaim"].Exists);
            Assert.Equal("mnas-files", volume["persistentVolumeClaim"]["claimName"].Text);
            var mount = pod["containers"].Items.Single()["volumeMounts"].Items.Single(m => m["name"].Text == volume["name"].Text);
            Assert.Equal("/data/campaigns", mount["mountPath"].Text);
        }
    }

    [Fact]
    public void without_a_claim_no_pod_asks_for_persistent_storage()
    {
        foreach (var pod in MnasPods(Helm.Template("")))
        {
            Assert.DoesNotContain(pod["volumes"].Items, v => v["persistentVolumeClaim"].Exists);
        }
    }
}
