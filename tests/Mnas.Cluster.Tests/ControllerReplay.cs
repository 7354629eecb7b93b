using System.Text.Json;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Campaigns;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Store;
using Mnas.Strategies;
using Mnas.Strategies.Rl;
using Mnas.Strategies.Serialization;

namespace Mnas.Cluster.Tests;

/// <summary>
/// The RL controller of a finished campaign as an uninterrupted run would have left it: a fresh controller with the
/// campaign's seed and settings proposes every child again and takes the recorded results in the order the campaign's
/// last checkpoint says its controller received them, updating on each full minibatch. Each proposal must be the
/// recorded child (architecture, log-probability, policy version); the state it ends in is what the last checkpoint
/// should hold, byte for byte.
/// </summary>
/// <remarks>
/// Where an update began among the proposals is not in the results' order: it is fixed by how many children were
/// proposed when its minibatch filled, which depends on how many workers were free then. The records show it: the
/// update's policy is first sampled at its switch, the proposal count at which it began plus the policy lag. A switch
/// that no child reached (the budget was spent first) is taken from the checkpoint's own schedule; it changes no proposal.
/// </remarks>
internal static class ControllerReplay
{
    /// <summary>Replays the campaign; returns the state a fresh controller ends in, and the strategy state of the campaign's last checkpoint.</summary>
    public static async Task<(byte[] Replayed, byte[] Checkpointed)> RunAsync(ICampaignStore store, string campaignId)
    {
        var campaign = (await store.GetCampaignAsync(campaignId))!;
        var settings = CampaignSettings.FromJson(campaign.Strategy);
        Assert.Equal("rl", settings.Strategy);
        var space = new ModelSpace(CampaignSpecLoader.FromJson(campaign.SpecJson, campaignId));
        // The options StrategyFactory gives an RL campaign.
        var options = new ControllerOptions { MinibatchSize = settings.Minibatch, PolicyLag = settings.Workers, Seed = unchecked((ulong)campaign.Seed) };
        var children = (await store.ListChildrenAsync(campaignId)).ToDictionary(c => c.Sequence);
        var checkpoint = (await store.GetLatestCheckpointAsync(campaignId))!;
        var envelope = CheckpointEnvelope.FromBytes(checkpoint.State);
        Assert.Empty(envelope.Undelivered);
        Assert.Equal(children.Count, envelope.SubmittedThrough);
        Assert.Equal(children.Keys.Order(), envelope.Delivered.Order());

        using var controller = new RlController(space, options);
        long proposed = 0;
        void ProposeThrough(long count)
        {
            while (proposed < count)
            {
                var proposal = controller.Propose();
                var child = children[++proposed];
                Assert.True(child.Architecture == proposal.Architecture && child.LogProbability == proposal.LogProbability &&
                    child.PolicyVersion == proposal.PolicyVersion,
                    $"child {proposed} was {child.Architecture} (log-probability {child.LogProbability:R}, policy {child.PolicyVersion}); the replay " +
                    $"proposes {proposal.Architecture} (log-probability {proposal.LogProbability:R}, policy {proposal.PolicyVersion})");
            }
        }

        var unreached = SwitchesOf(envelope.StrategyState);
        foreach (var sequence in envelope.Delivered)
        {
            ProposeThrough(sequence);
            controller.Observe(OutcomeOf(children[sequence], space));
            if (controller.ReadyToUpdate)
            {
                var version = controller.PolicyVersion + 1;
                var switchAt = children.Values.Where(c => c.PolicyVersion >= version).Select(c => c.Sequence - 1).DefaultIfEmpty(-1).Min();
                if (switchAt < 0 && !unreached.TryGetValue(version, out switchAt))
                {
                    Assert.Fail($"update {version}: no child was drawn from its policy, and the checkpoint schedules no switch to it");
                }

                var began = switchAt - options.PolicyLag;
                Assert.True(proposed <= began, $"update {version} began after {began} proposals, but {proposed} had been made when child {sequence}'s result filled it");
                ProposeThrough(began);
                controller.Update();
            }
        }

        ProposeThrough(children.Count);
        controller.TakeExcluded();
        return (controller.SaveState(), envelope.StrategyState);
    }

    /// <summary>The result as the campaign hands it to its strategy.</summary>
    private static Outcome OutcomeOf(Child child, ModelSpace space)
    {
        var failed = child.Status == ChildStatus.Failed;
        Assert.True(failed || child.Status == ChildStatus.Done, $"child {child.Sequence} is {child.Status}, not finished");
        return new Outcome(child.Sequence, space.Parse(child.Architecture), child.LogProbability, child.PolicyVersion, failed ? 0 : child.Reward ?? 0, failed);
    }

    /// <summary>The policy switches a saved controller state still has scheduled: version → proposal count.</summary>
    private static Dictionary<long, long> SwitchesOf(byte[] state)
    {
        var (_, metadata) = TensorArchive.Read(state);
        using var json = JsonDocument.Parse(metadata["mnas.rl_controller"]);
        return json.RootElement.GetProperty("switches").EnumerateArray()
            .ToDictionary(s => s.GetProperty("version").GetInt64(), s => s.GetProperty("at").GetInt64());
    }
}
