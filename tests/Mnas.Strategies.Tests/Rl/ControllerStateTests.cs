using System.Text.Json.Nodes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;
using Mnas.Strategies.Serialization;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerStateTests
{
    private static readonly ControllerOptions Options = new() { Seed = 21, MinibatchSize = 4, Epochs = 2 };

    /// <summary>The metadata entry holding the controller's scalar state.</summary>
    private const string StateKey = "mnas.rl_controller";

    /// <summary>
    /// Proposes <paramref name="count"/> children and feeds their outcomes back in a scrambled order (so a minibatch
    /// mixes policy versions), updating whenever a minibatch fills; returns every sample drawn.
    /// </summary>
    private static List<ControllerSample> Drive(RlController controller, ToyReward reward, int count, long firstSequence)
    {
        var drawn = new List<ControllerSample>();
        var pending = new List<(ControllerSample Sample, long Sequence)>();
        for (var i = 0; i < count; i++)
        {
            var sample = controller.Sample();
            drawn.Add(sample);
            pending.Add((sample, firstSequence + i));
            if (pending.Count == 3 || i == count - 1)
            {
                foreach (var (s, sequence) in pending.OrderByDescending(p => p.Sequence))
                {
                    controller.Observe(Outcomes.Of(s, sequence, reward.Score(s.Sample)));
                    if (controller.ReadyToUpdate)
                    {
                        controller.Update();
                    }
                }

                pending.Clear();
            }
        }

        return drawn;
    }

    private static int[] Bits(RlController controller) =>
        controller.ParameterValues().SelectMany(p => p.Data).Select(BitConverter.SingleToInt32Bits).ToArray();

    [Fact]
    public void save_restore_continue_gives_exactly_the_samples_and_weights_of_continuing_without_the_round_trip()
    {
        var reward = new ToyReward(Spaces.Default);
        using var original = new RlController(Spaces.Default, Options);
        Drive(original, reward, 14, firstSequence: 1);
        // 14 children, minibatches of 4: three updates (two Adam steps each) and two children still buffered.
        Assert.Equal(3, original.PolicyVersion);
        Assert.Equal(6, original.AdamSteps);
        Assert.Equal(2, original.Buffered);

        var state = original.SaveState();
        using var restored = RlController.Restore(Spaces.Default, Options, state);

        Assert.Equal(Bits(original), Bits(restored));
        var continued = Drive(original, reward, 13, firstSequence: 15);
        var resumed = Drive(restored, reward, 13, firstSequence: 15);

        Assert.Equal(continued.Select(s => s.Sample.Canonical), resumed.Select(s => s.Sample.Canonical));
        Assert.Equal(continued.Select(s => BitConverter.DoubleToInt64Bits(s.LogProbability)),
            resumed.Select(s => BitConverter.DoubleToInt64Bits(s.LogProbability)));
        Assert.Equal(continued.Select(s => s.PolicyVersion), resumed.Select(s => s.PolicyVersion));
        Assert.Equal(Bits(original), Bits(restored));
        Assert.Equal(6, original.PolicyVersion);
        Assert.Equal(original.PolicyVersion, restored.PolicyVersion);
        Assert.Equal(original.AdamSteps, restored.AdamSteps);
        Assert.Equal(BitConverter.DoubleToInt64Bits(original.Baseline!.Value), BitConverter.DoubleToInt64Bits(restored.Baseline!.Value));
        Assert.Equal(original.SaveState(), restored.SaveState());
    }

    [Fact]
    public void a_restored_state_saves_to_the_same_bytes()
    {
        using var original = new RlController(Spaces.Default, Options);
        Drive(original, new ToyReward(Spaces.Default), 6, firstSequence: 1);
        var state = original.SaveState();

        using var restored = RlController.Restore(Spaces.Default, Options, state);

        Assert.Equal(state, restored.SaveState());
        Assert.Equal(2, restored.Buffered);
        Assert.Equal(1, restored.PolicyVersion);
    }

    [Fact]
    public void a_state_does_not_restore_into_another_space_or_network_size()
    {
        using var original = new RlController(Spaces.Default, Options);
        var state = original.SaveState();
        var smaller = new ModelSpace(new CampaignSpec { SearchSpace = new SearchSpaceSpec { Kernels = [3, 5, 7] } });

        var otherSpace = Assert.Throws<InvalidDataException>(() => RlController.Restore(smaller, Options, state));
        var otherSize = Assert.Throws<InvalidDataException>(() => RlController.Restore(Spaces.Default, Options with { HiddenSize = 50 }, state));

        Assert.Contains("another search space", otherSpace.Message);
        Assert.Contains("hidden_size 100", otherSize.Message);
    }

    [Fact]
    public void a_state_saved_with_heads_per_kind_restores_per_kind_under_the_default_options_and_continues_as_it_would_have()
    {
        var reward = new ToyReward(Spaces.Default);
        using var original = new RlController(Spaces.Default, Options with { HeadSharing = HeadSharing.PerKind });
        Drive(original, reward, 6, firstSequence: 1);

        using var restored = RlController.Restore(Spaces.Default, Options, original.SaveState());

        Assert.Equal(HeadSharing.PerDecision, Options.HeadSharing);
        AssertContinuesPerKind(original, restored, reward);
    }

    [Fact]
    public void a_state_saved_before_states_named_their_head_layout_restores_per_kind()
    {
        var reward = new ToyReward(Spaces.Default);
        using var original = new RlController(Spaces.Default, Options with { HeadSharing = HeadSharing.PerKind });
        Drive(original, reward, 6, firstSequence: 1);
        var (arrays, metadata) = TensorArchive.Read(original.SaveState());
        var json = JsonNode.Parse(metadata[StateKey])!.AsObject();
        Assert.Equal("PerKind", (string?)json["head_sharing"]);
        json.Remove("head_sharing");
        var older = TensorArchive.Write(arrays.Values.ToArray(), new Dictionary<string, string> { [StateKey] = json.ToJsonString() });

        using var restored = RlController.Restore(Spaces.Default, Options, older);

        AssertContinuesPerKind(original, restored, reward);
    }

    private static void AssertContinuesPerKind(RlController original, RlController restored, ToyReward reward)
    {
        Assert.Equal(HeadSharing.PerKind, restored.Options.HeadSharing);
        Assert.Contains(restored.ParameterValues(), p => p.Name == "head_op.weight");
        Assert.DoesNotContain(restored.ParameterValues(), p => p.Name == "head_b1_op.weight");
        Assert.Equal(Bits(original), Bits(restored));
        var continued = Drive(original, reward, 7, firstSequence: 7);
        var resumed = Drive(restored, reward, 7, firstSequence: 7);
        Assert.Equal(continued.Select(s => s.Sample.Canonical), resumed.Select(s => s.Sample.Canonical));
        Assert.Equal(continued.Select(s => BitConverter.DoubleToInt64Bits(s.LogProbability)),
            resumed.Select(s => BitConverter.DoubleToInt64Bits(s.LogProbability)));
        Assert.Equal(Bits(original), Bits(restored));
    }
}
