using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// An rl campaign with <c>reward.kind: memory</c> on a cluster of <c>mnas</c> processes: the controller rewards each
/// child the workers answer for by MemNAS's memory efficiency of its target view against mobilenet_v2's, and the
/// PostgreSQL store keeps that reward — worked out here again from the stored accuracy and the two footprints. Workers
/// simulate training: the memory term does not depend on how the accuracy was measured (the real pipeline runs the same
/// campaign in the runtime's tests).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MemoryRewardClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "memory-reward";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=0.2", "worker.slots=1"];

    private const string SpecYaml = """
        name: memory-reward
        target: {input: {channels: 3, height: 32, width: 32}, classes: 10}
        skeleton:
          stem_channels: 8
          blocks: [{channels: 16, layers: 1, stride: 2}, {channels: 24, layers: 1, stride: 2}]
          head_channels: 32
        reward: {kind: memory, memory_lambda: 0.6, memory_reference: mobilenet_v2, reference_accuracy: 0.5}
        """;

    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("memory-reward", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task an_rl_campaign_with_the_memory_reward_stores_each_childs_memory_efficiency_against_the_reference()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, SpecYaml, "--strategy", "rl", "--children", "4", "--minibatch", "2");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(120), "the campaign did not complete");

        var spec = CampaignSpecLoader.FromYaml(SpecYaml);
        var reward = spec.Reward;
        var space = new ModelSpace(spec);
        var reference = MemoryFootprint.Of(space.Freeze(NamedSamples.Resolve(space, NamedSamples.MobileNetV2)));
        var children = await cluster.Store.ListChildrenAsync(CampaignId);
        Assert.Equal(4, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        foreach (var child in children)
        {
            var memory = MemoryFootprint.Of(space.Freeze(space.Parse(child.Architecture)));
            // λ·(a − a_ref)/a_ref − (1 − λ)·[(r − r_ref)/r_ref + (p − p_ref)/p_ref]
            var expected = reward.MemoryLambda * (child.Metrics!.Accuracy - reward.ReferenceAccuracy) / reward.ReferenceAccuracy -
                (1 - reward.MemoryLambda) * ((memory.PeakActivationBytes - reference.PeakActivationBytes) / (double)reference.PeakActivationBytes +
                                             (memory.ParamBytes - reference.ParamBytes) / (double)reference.ParamBytes);
            Assert.Equal(expected, child.Reward!.Value, 9);
        }
        var updates = await cluster.Store.ListControllerUpdatesAsync(CampaignId);
        Assert.Equal(children.Sum(c => c.Reward!.Value), updates.Sum(u => u.Children * u.MeanReward), 9);
    }
}
