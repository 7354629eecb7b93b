using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;

namespace Mnas.Grains.Tests;

/// <summary>
/// A campaign stopped at an arbitrary point and resumed must end exactly where an uninterrupted
/// run with the same seed ends: the same children in the same order, none evaluated twice, and
/// bitwise the same controller state. Trained here with the fake trainer (results are a pure
/// function of the architecture) and one worker, so both runs see results in the same order; with
/// and without a policy lag (updates learning while proposals go on).
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private const int Budget = 12;
    private readonly TemporaryDirectories directories = new("mnas-resume");

    public void Dispose() => directories.Dispose();

    private string NewDirectory() => directories.New();

    private static RlStrategy Strategy(int policyLag) =>
        new(new ControllerOptions { MinibatchSize = 4, Seed = 7, HiddenSize = 16, EmbeddingSize = 16, PolicyLag = policyLag });

    private static Campaign NewCampaign() =>
        new("resume", "resume", CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 7, CampaignStatus.Running, DateTimeOffset.UnixEpoch);

    private static RuntimeOptions Options(string data) => new() { DataDirectory = data, Workers = 1 };

    private static async Task<(IReadOnlyList<Child> Children, byte[] State)> Outcome(CampaignHost host)
    {
        var children = await host.Store.ListChildrenAsync("resume");
        var checkpoint = await host.Store.GetLatestCheckpointAsync("resume");
        return (children, checkpoint!.State);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    [InlineData(9, 0)]
    [InlineData(3, 2)]
    [InlineData(5, 2)]
    [InlineData(9, 2)]
    public async Task a_campaign_killed_after_k_results_and_resumed_with_a_fake_trainer_ends_as_an_uninterrupted_one(int k, int policyLag)
    {
        var uninterrupted = NewDirectory();
        var trainerA = new FakeTrainer();
        (IReadOnlyList<Child> Children, byte[] State) expected;
        await using (var host = await CampaignHost.StartAsync(Options(uninterrupted), _ => trainerA))
        {
            await host.Store.CreateCampaignAsync(NewCampaign());
            await host.Runner.RunAsync("resume", Strategy(policyLag), new CampaignBudget(Budget, null));
            expected = await Outcome(host);
        }

        var interrupted = NewDirectory();
        var trainerB = new FakeTrainer();
        await using (var host = await CampaignHost.StartAsync(Options(interrupted), _ => trainerB))
        {
            await host.Store.CreateCampaignAsync(NewCampaign());
            using var kill = new CancellationTokenSource();
            var run = host.Runner.RunAsync("resume", Strategy(policyLag), new CampaignBudget(Budget, null), cancellation: kill.Token);
            while (!run.IsCompleted && (await host.Store.CountChildrenByStatusAsync("resume"))[ChildStatus.Done] < k)
            {
                await Task.Delay(1);
            }
            Assert.False(run.IsCompletedSuccessfully, "the campaign finished before it could be killed");
            await SiloDeath.KillAsync(host, kill, run);
        }
        var trainerC = new FakeTrainer();
        await using (var host = await CampaignHost.StartAsync(Options(interrupted), _ => trainerC))
        {
            await host.Runner.RunAsync("resume", Strategy(policyLag), new CampaignBudget(Budget, null));
            var actual = await Outcome(host);

            Assert.Equal(expected.Children.Select(c => c.Architecture), actual.Children.Select(c => c.Architecture));
            Assert.Equal(expected.Children.Select(c => c.Reward), actual.Children.Select(c => c.Reward));
            Assert.All(actual.Children, c => Assert.Equal(ChildStatus.Done, c.Status));
            var (a, b) = (CheckpointEnvelope.FromBytes(expected.State), CheckpointEnvelope.FromBytes(actual.State));
            Assert.Equal((a.SubmittedThrough, a.Undelivered.Count), (b.SubmittedThrough, b.Undelivered.Count));
            Assert.Equal(expected.State, actual.State);
        }
        // Nothing that finished before the kill was evaluated again.
        var evaluatedTwice = trainerB.Requests.Select(r => r.Sequence).Intersect(trainerC.Requests.Select(r => r.Sequence));
        Assert.True(trainerB.Requests.Count + trainerC.Requests.Count <= Budget + 1,
            $"evaluated {trainerB.Requests.Count} + {trainerC.Requests.Count} times for {Budget} children (at most the one in flight repeats)");
        Assert.True(evaluatedTwice.Count() <= 1);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(3, 1)]
    [InlineData(1, 3)]
    public async Task a_campaign_resumed_with_another_number_of_workers_replays_its_children_and_completes(int before, int after)
    {
        var data = NewDirectory();
        var strategy = () => new RlStrategy(new ControllerOptions
        {
            MinibatchSize = 2, Seed = 7, HiddenSize = 16, EmbeddingSize = 16, PolicyLag = 2, LearningRate = 0.5, // large steps: each policy samples differently
        });
        await using (var host = await CampaignHost.StartAsync(Options(data) with { Workers = before }, _ => new FakeTrainer { Delay = TimeSpan.FromMilliseconds(5) }))
        {
            await host.Store.CreateCampaignAsync(NewCampaign());
            using var kill = new CancellationTokenSource();
            var run = host.Runner.RunAsync("resume", strategy(), new CampaignBudget(Budget, null), cancellation: kill.Token);
            while (!run.IsCompleted && (await host.Store.CountChildrenByStatusAsync("resume"))[ChildStatus.Done] < 7)
            {
                await Task.Delay(1);
            }
            Assert.False(run.IsCompletedSuccessfully, "the campaign finished before it could be killed");
            await SiloDeath.KillAsync(host, kill, run);
        }
        var recorded = await ReadChildrenAsync(data);

        await using (var host = await CampaignHost.StartAsync(Options(data) with { Workers = after }, _ => new FakeTrainer()))
        {
            await host.Runner.RunAsync("resume", strategy(), new CampaignBudget(Budget, null));
            var children = await host.Store.ListChildrenAsync("resume");

            Assert.Equal(Budget, children.Count);
            Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
            // Every child recorded before the kill was proposed again, identically (a different proposal would stop the
            // resume as diverged): a policy's samples only ever follow its checkpoint, so the replay does not depend on
            // how proposals interleaved with results.
            Assert.Equal(recorded.Select(c => c.Architecture), children.Take(recorded.Count).Select(c => c.Architecture));
        }
    }

    private static async Task<IReadOnlyList<Child>> ReadChildrenAsync(string data)
    {
        await using var store = Mnas.Store.Sqlite.SqliteCampaignStore.InDirectory(data);
        return await store.ListChildrenAsync("resume");
    }
}
