using System.Text.Json.Nodes;
using Mnas.Strategies.Rl;
using Mnas.Strategies.Serialization;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerPolicyLagTests
{
    private static readonly ControllerOptions Options = new() { Seed = 31, MinibatchSize = 4, LearningRate = 0.05, PolicyLag = 3 };

    private static void ObserveMinibatch(RlController controller, long firstSequence)
    {
        for (var i = 0; i < 4; i++)
        {
            controller.Observe(Outcomes.Of(controller.Sample(), firstSequence + i, reward: i % 2));
        }
    }

    private static long[] Bits(IEnumerable<ControllerSample> samples) => samples.Select(s => BitConverter.DoubleToInt64Bits(s.LogProbability)).ToArray();

    [Fact]
    public void the_proposals_within_the_lag_come_from_the_old_policy_and_the_next_waits_for_the_new_one()
    {
        using var lagged = new RlController(Spaces.Default, Options);
        using var twin = new RlController(Spaces.Default, Options);
        ObserveMinibatch(lagged, 1);
        ObserveMinibatch(twin, 1);

        var pending = lagged.BeginUpdate();
        var withinLag = Enumerable.Range(0, 3).Select(_ => lagged.Sample()).ToArray();

        // The twin never updates: same generator, same weights, so the same draws.
        var unchanged = Enumerable.Range(0, 3).Select(_ => twin.Sample()).ToArray();
        Assert.Equal(unchanged.Select(s => s.Sample.Canonical), withinLag.Select(s => s.Sample.Canonical));
        Assert.Equal(Bits(unchanged), Bits(withinLag));
        Assert.All(withinLag, s => Assert.Equal(0, s.PolicyVersion));

        Assert.True(lagged.WaitsForUpdate);
        var early = Assert.Throws<InvalidOperationException>(() => lagged.Sample());
        Assert.Contains("policy version 1 is due", early.Message);
        Assert.Throws<InvalidOperationException>(() => lagged.SaveState());

        lagged.Learn(pending);
        lagged.CompleteUpdate(pending);
        var next = lagged.Sample();
        Assert.False(lagged.WaitsForUpdate);
        Assert.Equal(1, next.PolicyVersion);
        var reference = new ReferenceController(lagged.ParameterValues());
        Assert.Equal(reference.Score(Spaces.Default, next.Sample).LogProbability, next.LogProbability, 4);
    }

    [Fact]
    public async Task learning_on_another_thread_while_sampling_changes_nothing_drawn_or_learned()
    {
        using var concurrent = new RlController(Spaces.Default, Options);
        using var sequential = new RlController(Spaces.Default, Options);
        ObserveMinibatch(concurrent, 1);
        ObserveMinibatch(sequential, 1);

        var pending = concurrent.BeginUpdate();
        var learning = Task.Run(() => concurrent.Learn(pending));
        var drawnMeanwhile = Enumerable.Range(0, 3).Select(_ => concurrent.Sample()).ToList();
        await learning;
        concurrent.CompleteUpdate(pending);
        drawnMeanwhile.AddRange(Enumerable.Range(0, 4).Select(_ => concurrent.Sample()));

        sequential.Update();
        var drawnAfter = Enumerable.Range(0, 7).Select(_ => sequential.Sample()).ToArray();

        Assert.Equal(drawnAfter.Select(s => s.Sample.Canonical), drawnMeanwhile.Select(s => s.Sample.Canonical));
        Assert.Equal(Bits(drawnAfter), Bits(drawnMeanwhile));
        Assert.Equal([0L, 0, 0, 1, 1, 1, 1], drawnMeanwhile.Select(s => s.PolicyVersion));
        Assert.Equal(sequential.SaveState(), concurrent.SaveState());
    }

    [Fact]
    public void a_state_saved_while_samples_still_come_from_the_old_policy_switches_at_the_same_proposal_when_restored()
    {
        using var original = new RlController(Spaces.Default, Options with { PolicyLag = 5 });
        ObserveMinibatch(original, 1);
        original.Update();
        original.Sample();
        original.Sample();

        using var restored = RlController.Restore(Spaces.Default, original.Options, original.SaveState());
        Assert.Equal(0, restored.SamplingVersion);
        Assert.Equal(1, restored.PolicyVersion);
        Assert.Equal(6, restored.Proposals);

        var continued = Enumerable.Range(0, 6).Select(_ => original.Sample()).ToArray();
        var resumed = Enumerable.Range(0, 6).Select(_ => restored.Sample()).ToArray();
        Assert.Equal([0L, 0, 0, 1, 1, 1], resumed.Select(s => s.PolicyVersion));
        Assert.Equal(continued.Select(s => s.Sample.Canonical), resumed.Select(s => s.Sample.Canonical));
        Assert.Equal(Bits(continued), Bits(resumed));
        Assert.Equal(original.SaveState(), restored.SaveState());
    }

    [Fact]
    public void a_state_whose_policy_schedule_does_not_add_up_is_refused_with_what_is_wrong()
    {
        using var original = new RlController(Spaces.Default, Options with { PolicyLag = 5 });
        ObserveMinibatch(original, 1);
        original.Update();
        var (arrays, metadata) = TensorArchive.Read(original.SaveState());
        var state = JsonNode.Parse(metadata["mnas.rl_controller"])!;
        state["switches"]![0]!["version"] = 7;
        var tampered = TensorArchive.Write(arrays.Values.ToArray(), new Dictionary<string, string> { ["mnas.rl_controller"] = state.ToJsonString() });

        var error = Assert.Throws<InvalidDataException>(() => RlController.Restore(Spaces.Default, original.Options, tampered));

        Assert.Contains("policy schedule is inconsistent", error.Message);
        Assert.Contains("pending [7@9]", error.Message);
    }
}
