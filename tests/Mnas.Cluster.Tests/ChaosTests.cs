using System.Text.RegularExpressions;
using Mnas.Campaigns;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// One RL campaign on two <c>mnas controller</c> and five <c>mnas worker</c> processes (the simulated trainer, one slot
/// each), hurt as it runs: worker silos killed outright, one at random every few seconds, twenty times, and the
/// controller running the campaign killed outright twice; every loss is replaced by a new process. At the end every
/// child of the budget exists once, is done or failed saying why, and had exactly one result accepted; and the
/// controller's last checkpoint is the state an uninterrupted run reaches on the same results.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ChaosTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "chaos";
    private const int Children = 80;
    private const int Workers = 5;
    private const int WorkerKills = 20;
    private const int ControllerKills = 2;
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=1", "worker.slots=1"];
    private readonly List<MnasProcess> controllers = [];
    private readonly List<MnasProcess> workers = [];
    private readonly Random random = new(20261207);
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("chaos", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 600_000)]
    public async Task a_campaign_survives_twenty_killed_workers_and_two_killed_controllers_and_counts_every_child_once()
    {
        controllers.AddRange([cluster.StartController(), cluster.StartController()]);
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(cluster.StartWorker(WorkerSettings));
        }

        foreach (var process in controllers.Concat(workers))
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, "name: chaos\nreward:\n  latency_target_ms: 15\n", "--children", $"{Children}", "--minibatch", "4",
            "--workers", $"{Workers}", "--seed", "7");
        await cluster.Until(async () => (await cluster.Store.GetMaxSequenceAsync(CampaignId)) > 0, TimeSpan.FromSeconds(60), "no child was proposed");

        var killedWorkers = 0;
        var killedControllers = 0;
        while (killedWorkers < WorkerKills || killedControllers < ControllerKills)
        {
            Assert.False(await cluster.CompletedAsync(CampaignId), $"the campaign completed after only {killedWorkers} worker and {killedControllers} " +
                "controller kills: give it more children");
            ReplaceEnded();
            if (killedControllers < ControllerKills && killedWorkers >= (killedControllers + 1) * WorkerKills / (ControllerKills + 1))
            {
                await KillCampaignControllerAsync();
                killedControllers++;
            }

            if (killedWorkers < WorkerKills)
            {
                await KillRandomWorkerAsync();
                killedWorkers++;
            }

            // The pace of the harm, not a wait for anything.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }

        cluster.Say($"chaos over; {await FinishedAsync()} of {Children} children finished");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(180), "the campaign did not complete");

        var children = await cluster.Store.ListChildrenAsync(CampaignId);
        var events = await cluster.EventsAsync(CampaignId);
        cluster.Say(string.Join(", ", events.GroupBy(e => e.Kind).Select(g => $"{g.Count()} {g.Key}")));

        // Every sequence of the budget exists once, no more; each child is done, or failed saying why.
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), children.Select(c => c.Sequence));
        Assert.Equal(Children, await cluster.Store.GetMaxSequenceAsync(CampaignId));
        Assert.All(children, c => Assert.True(
            c.Status == ChildStatus.Done || (c.Status == ChildStatus.Failed && !string.IsNullOrWhiteSpace(c.FailureReason)),
            $"child {c.Sequence} is {c.Status} ({c.FailureReason})"));

        // Exactly one result accepted per child (done, failed, or an earlier child's result reused), agreeing with its status.
        var finishes = events.Where(e => e.Kind is "done" or "failed" or "reused").ToLookup(e => ChildOf(e.Message));
        Assert.All(children, c =>
        {
            var finish = Assert.Single(finishes[c.Sequence]);
            Assert.Equal(c.Status == ChildStatus.Failed ? "failed" : finish.Kind == "reused" ? "reused" : "done", finish.Kind);
        });

        // The campaign opened once, and again each time its controller was killed, and only then (a worker's death leaves it
        // running): on another controller, from its last checkpoint when it had one by then.
        Assert.Equal(1 + ControllerKills, cluster.Processes.Sum(p => CampaignHosting.Openings(p, CampaignId)));

        var (replayed, checkpointed) = await ControllerReplay.RunAsync(cluster.Store, CampaignId);
        Assert.True(replayed.SequenceEqual(checkpointed), "the last checkpoint is not the state an uninterrupted run reaches");
    }

    private async Task KillRandomWorkerAsync()
    {
        List<MnasProcess> ready = [];
        await cluster.Until(() => Task.FromResult((ready = workers.Where(w => !w.HasExited && w.IsReady).ToList()).Count > 0),
            TimeSpan.FromSeconds(90), "no worker is ready");
        var victim = ready[random.Next(ready.Count)];
        cluster.Say($"kill -9 {victim.Name} (worker {victim.WorkerId}); {await FinishedAsync()} children finished");
        await victim.KillAsync();
        workers[workers.IndexOf(victim)] = cluster.StartWorker(WorkerSettings);
    }

    /// <summary>Kills the controller whose log says it runs the campaign, once every controller is ready (one can take over).</summary>
    private async Task KillCampaignControllerAsync()
    {
        MnasProcess? host = null;
        await cluster.Until(() => Task.FromResult(controllers.All(c => c.IsReady) &&
                (host = controllers.FirstOrDefault(c => CampaignHosting.Runs(c, CampaignId))) != null),
            TimeSpan.FromSeconds(120), "no controller runs the campaign");
        cluster.Say($"kill -9 {host!.Name}, which runs the campaign; {await FinishedAsync()} children finished");
        await host.KillAsync();
        controllers[controllers.IndexOf(host)] = cluster.StartController();
    }

    /// <summary>A process that ended without being killed (a silo the cluster declared dead stops itself) is replaced too.</summary>
    private void ReplaceEnded()
    {
        foreach (var list in new[] { controllers, workers })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].HasExited)
                {
                    cluster.Say($"{list[i].Name} ended by itself:\n{list[i].Output}");
                    list[i] = list == controllers ? cluster.StartController() : cluster.StartWorker(WorkerSettings);
                }
            }
        }
    }

    private async Task<long> FinishedAsync()
    {
        var counts = await cluster.Store.CountChildrenByStatusAsync(CampaignId);
        return counts[ChildStatus.Done] + counts[ChildStatus.Failed];
    }

    private static long ChildOf(string message) => long.Parse(ChildNumber().Match(message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"child (\d+)")]
    private static partial Regex ChildNumber();
}
