using Mnas.Costs;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class BnNasJobTests
{
    // A target as small as the toy task, so that timing its candidates is quick.
    private static readonly CampaignSpec Spec = new()
    {
        Name = "tiny",
        Target = new TargetSpec { Input = new InputShape(1, SyntheticData.Side, SyntheticData.Side), Classes = SyntheticData.Classes },
        Skeleton = new SkeletonSpec { StemChannels = 8, StemStride = 1, Blocks = [new(16, 2, 2), new(16, 1, 1)], HeadChannels = 32, Dropout = 0 },
    };

    private static readonly string[] Candidates = ["k3_e1", "k3_e3", "k5_e1"];
    private static readonly LatencyOptions Quick = new() { Warmup = 1, Runs = 3, Threads = 1 };
    private static readonly SupernetJobRequest Request = new(Spec, Candidates, new DnasOptions(), Spos: new SposOptions { Epochs = 2 });

    private static BnNasOutcome Run(LatencyTable table, SupernetJobRequest request, Action<BnNasEpoch, byte[]>? onEpoch = null) =>
        BnNasJob.Run(request, SposTinySpace.Data(), Spec.Target.Input, Spec.Target.Classes, table, Quick, SposTinySpace.Recipe, onEpoch);

    [Fact]
    public void a_job_times_its_candidates_trains_the_supernet_hands_out_each_epochs_state_and_scores_every_candidate()
    {
        var table = new LatencyTable("cpu", 1);
        var states = new List<(int Epoch, byte[] State)>();
        var reported = new List<BnNasEpoch>();

        var outcome = Run(table, Request, (epoch, state) =>
        {
            states.Add((epoch.Training.Epoch, state));
            reported.Add(epoch);
        });

        Assert.Equal([1, 2], states.Select(s => s.Epoch));
        Assert.All(states, s => Assert.NotEmpty(s.State));
        Assert.Equal([1, 2], outcome.Epochs.Select(e => e.Epoch));
        Assert.Equal(3, outcome.Scores.Count);
        Assert.All(outcome.Scores, row => Assert.Equal(3, row.Count));
        Assert.Equal(outcome.Epochs[^1].Scores, outcome.Scores);
        Assert.All(outcome.Distributions.SelectMany(row => row), d => Assert.Equal(1.0 / 3, d, 12));
        Assert.All(table.Entries.Values, ms => Assert.True(ms > 0));
        var expected = outcome.Costs.Fixed.LatencyMs + outcome.Costs.Layers.Sum(row => row.Average(c => c!.LatencyMs));
        Assert.Equal(expected, outcome.ExpectedLatencyMs, 9);
        // Each epoch is reported with the paths' distribution and the latency expected under it.
        Assert.All(reported, e => Assert.Equal((outcome.Distributions, outcome.ExpectedLatencyMs), (e.Distributions, e.ExpectedLatencyMs)));
        int[] choice = [0, 1, 2];
        var target = new SupernetSpace(SupernetFrames.Target(Spec), Candidates.Select(SupernetCandidate.Parse).ToList());
        Assert.Equal(CostAnalysis.Analyze(target.ToArchitecture(choice)).Macs, outcome.Costs.Of(choice).Macs);

        var resumed = Run(table, Request with { ResumeState = states[0].State });

        Assert.Equal([2], resumed.Epochs.Select(e => e.Epoch));
        Assert.Equal(outcome.Scores, resumed.Scores);
        Assert.Equal(outcome.Epochs[1].RankingDistance, resumed.Epochs[0].RankingDistance);
    }

    [Fact]
    public void a_request_without_single_path_options_or_with_skip_is_refused()
    {
        var table = new LatencyTable("cpu", 1);

        var withoutOptions = Assert.Throws<ArgumentException>(() => Run(table, Request with { Spos = null }));
        var withSkip = Assert.Throws<ArgumentException>(() => Run(table, Request with { Candidates = ["k3_e1", "skip"] }));

        Assert.Contains("spos", withoutOptions.Message);
        Assert.Contains("skip ends with no batch norm", withSkip.Message);
        Assert.Empty(table.Entries);
    }
}
