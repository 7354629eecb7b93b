using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

public class SupernetJobTests
{
    // A target as small as the toy task, so that timing its candidates is quick.
    private static readonly CampaignSpec Spec = new()
    {
        Name = "tiny",
        Target = new TargetSpec { Input = new InputShape(1, SyntheticData.Side, SyntheticData.Side), Classes = SyntheticData.Classes },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(16, 1, 1)], HeadChannels = 32, Dropout = 0 },
    };

    private static readonly string[] Candidates = ["k3_e1", "k3_e3", "k5_e1", "skip"];
    private static readonly LatencyOptions Quick = new() { Warmup = 1, Runs = 3, Threads = 1 };
    private static readonly TrainingOptions Recipe = new() { LearningRate = 0.05, Seed = 5, Threads = 2 };
    private static readonly DnasOptions Options = new() { Epochs = 2, WarmupEpochs = 1, Samples = 3 };

    private static DnasOutcome Run(LatencyTable table, byte[]? resume = null, Action<DnasEpoch, byte[]>? onEpoch = null) =>
        SupernetJob.Run(new SupernetJobRequest(Spec, Candidates, Options, SampleSeed: 2, ResumeState: resume), new SyntheticData(128, 32, 32),
            new SyntheticData(64, 16, 32, seed: 8), Spec.Target.Input, Spec.Target.Classes, table, Quick, Recipe, onEpoch);

    [Fact]
    public void a_job_times_its_candidates_trains_the_supernet_hands_out_each_epochs_state_and_samples_target_architectures()
    {
        var table = new LatencyTable("cpu", 1);
        var states = new List<(int Epoch, byte[] State)>();

        var outcome = Run(table, onEpoch: (epoch, state) => states.Add((epoch.Epoch, state)));

        Assert.Equal([1, 2], states.Select(s => s.Epoch));
        Assert.All(states, s => Assert.NotEmpty(s.State));
        Assert.Equal([1, 2], outcome.Epochs.Select(e => e.Epoch));
        Assert.Equal(3, outcome.Sampled.Count);
        foreach (var sampled in outcome.Sampled)
        {
            Assert.Equal(Spec.Target.Input, sampled.Architecture.Input);
            Assert.Equal(LatencyLookup.Estimate(table, sampled.Architecture), sampled.LookupLatencyMs, 4);
        }
        Assert.Equal(3, outcome.Distributions.Count);
        Assert.All(table.Entries.Values, ms => Assert.True(ms > 0));
    }

    [Fact]
    public void a_job_given_the_state_of_its_first_epoch_ends_as_the_uninterrupted_one()
    {
        var table = new LatencyTable("cpu", 1);
        byte[]? first = null;
        var uninterrupted = Run(table, onEpoch: (epoch, state) => first ??= state);

        var resumed = Run(table, first);

        Assert.Equal([2], resumed.Epochs.Select(e => e.Epoch));
        Assert.Equal(uninterrupted.Distributions, resumed.Distributions);
        Assert.Equal(uninterrupted.Sampled.Select(s => s.Architecture.Name), resumed.Sampled.Select(s => s.Architecture.Name));
    }

    [Fact]
    public void a_job_with_widths_searches_channels_too_and_samples_architectures_of_those_widths()
    {
        var table = new LatencyTable("cpu", 1);

        var outcome = SupernetJob.Run(new SupernetJobRequest(Spec, Candidates, Options, SampleSeed: 2, Widths: [0.5, 1.0]), new SyntheticData(128, 32, 32),
            new SyntheticData(64, 16, 32, seed: 8), Spec.Target.Input, Spec.Target.Classes, table, Quick, Recipe);

        Assert.Equal(3, outcome.WidthDistributions!.Count);
        Assert.All(outcome.Sampled, s => Assert.Equal(3, s.Choice.Widths!.Count));
        Assert.All(outcome.Sampled, s => Assert.All(s.Architecture.Blocks, b => Assert.Contains(b.Channels, new[] { 8, 16 })));
        Assert.Contains(table.Entries.Keys, k => k.Contains("8to8", StringComparison.Ordinal));
    }

    [Fact]
    public void a_job_with_resolutions_times_each_candidate_at_each_resolution_and_samples_targets_at_theirs()
    {
        var table = new LatencyTable("cpu", 1);
        var request = new SupernetJobRequest(Spec, Candidates, Options with { Samples = 6 }, SampleSeed: 2, Resolutions: [1, 2]);
        byte[]? first = null;

        var outcome = SupernetJob.Run(request, new SyntheticData(128, 32, 32), new SyntheticData(64, 16, 32, seed: 8), Spec.Target.Input, Spec.Target.Classes,
            table, Quick, Recipe, (_, state) => first ??= state);

        Assert.Equal(2, outcome.ResolutionDistribution!.Count);
        Assert.All(outcome.Epochs, e => Assert.Equal(2, e.ResolutionDistribution!.Count));
        Assert.Null(outcome.WidthDistributions);
        Assert.Contains(outcome.Sampled, s => s.Choice.Resolution == 1);
        foreach (var sampled in outcome.Sampled)
        {
            var factor = sampled.Choice.Resolution == 1 ? 2 : 1;
            Assert.Equal(new InputShape(1, SyntheticData.Side / factor, SyntheticData.Side / factor), sampled.Architecture.Input);
            Assert.EndsWith($"/r{factor}", sampled.Architecture.Name, StringComparison.Ordinal);
            Assert.Equal(LatencyLookup.Estimate(table, sampled.Architecture), sampled.LookupLatencyMs, 4);
        }
        Assert.Contains(table.Entries.Keys, k => k.Contains("8to16-s2-8x8", StringComparison.Ordinal));

        var resumed = SupernetJob.Run(request with { ResumeState = first }, new SyntheticData(128, 32, 32), new SyntheticData(64, 16, 32, seed: 8),
            Spec.Target.Input, Spec.Target.Classes, table, Quick, Recipe);
        Assert.Equal(outcome.ResolutionDistribution, resumed.ResolutionDistribution);
        Assert.Equal(outcome.Sampled.Select(s => s.Architecture.Name), resumed.Sampled.Select(s => s.Architecture.Name));
    }
}
