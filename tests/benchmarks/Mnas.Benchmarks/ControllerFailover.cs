using System.Diagnostics;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Postgres;

namespace Mnas.Benchmarks;

/// <summary>
/// Two <c>mnas controller</c> processes and a few workers run a campaign submitted to the store, as a deployment would;
/// the controller hosting it is killed outright (SIGKILL) once it has checkpointed. The cluster declares its silo dead,
/// the other controller wakes the campaign from its last checkpoint, and the campaign proposes again: measured from
/// the kill to the first child sampled after it appearing in the store. The time until the other controller logged
/// the campaign resuming is given too.
/// </summary>
internal static class ControllerFailover
{
    private const string CampaignId = "controller-failover";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public sealed record Result(double ProposingSeconds, double ResumedSeconds);

    public static async Task<Result> MeasureAsync(PostgresStoreOptions storeOptions, string dataDirectory, int workers, double childSeconds)
    {
        var cluster = BenchCluster.New(storeOptions);
        await using var store = await PostgresCampaignStore.OpenAsync(storeOptions);
        var controllerData = new[] { Path.Combine(dataDirectory, "controller-1"), Path.Combine(dataDirectory, "controller-2") };
        var controllers = controllerData.Select(d => MnasProcess.Start("controller", cluster.ControllerSettings(d))).ToList();
        try
        {
            foreach (var controller in controllers)
            {
                await controller.Ready.WaitAsync(Limit);
            }

            await using var processes = WorkerProcesses.Start(workers, cluster, dataDirectory, childSeconds);
            await processes.WaitReadyAsync(Limit);
            using var limit = new CancellationTokenSource(Limit);
            var settings = new CampaignSettings("rl", MaxChildren: 1000, Minibatch: 20, Workers: workers);
            await store.CreateCampaignAsync(new Campaign(CampaignId, CampaignId, CampaignSpecWriter.ToJson(new CampaignSpec()), settings.ToJson(), 1,
                CampaignStatus.Running, DateTimeOffset.UtcNow), limit.Token);

            // Past the first controller update (minibatch 20), so that the campaign resumes from a checkpoint.
            while (await store.GetLatestCheckpointAsync(CampaignId, limit.Token) == null)
            {
                processes.ThrowIfAnyExited();
                await Task.Delay(100, limit.Token);
            }

            var hosting = Enumerable.Range(0, controllers.Count).Single(i => CampaignLog.LoggedAt(controllerData[i], CampaignId, "starting") != null);
            var killedAt = DateTimeOffset.Now;
            var killed = Stopwatch.GetTimestamp();
            await controllers[hosting].KillAsync();
            var before = await store.GetMaxSequenceAsync(CampaignId, limit.Token);
            while (await store.GetMaxSequenceAsync(CampaignId, limit.Token) == before)
            {
                controllers[1 - hosting].ThrowIfExited();
                await Task.Delay(20, limit.Token);
            }

            var proposing = Stopwatch.GetElapsedTime(killed).TotalSeconds;
            var resumed = CampaignLog.LoggedAt(controllerData[1 - hosting], CampaignId, "resuming") is { } at ? (at - killedAt).TotalSeconds : double.NaN;
            await store.UpdateCampaignStatusAsync(CampaignId, CampaignStatus.Cancelled, CancellationToken.None);
            return new Result(proposing, resumed);
        }
        finally
        {
            await MnasProcess.StopAsync(controllers, TimeSpan.FromSeconds(30));
            foreach (var controller in controllers)
            {
                controller.Dispose();
            }
        }
    }
}
