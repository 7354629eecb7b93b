using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.Store.Postgres;

namespace Mnas.Benchmarks;

/// <summary>A controller silo in this process (no worker of its own), in a benchmark cluster, its grain calls watched.</summary>
internal static class ControllerSilo
{
    /// <param name="keepCampaigns">Runs the campaigns the store has running, as a deployment's controllers do.</param>
    public static Task<CampaignHost> StartAsync(BenchCluster cluster, string dataDirectory, ChildTimeline timeline, CancellationToken cancellation,
        bool keepCampaigns = false) =>
        CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = dataDirectory, Workers = 0 },
            openStore: async token => await PostgresCampaignStore.OpenAsync(cluster.Store, token), cancellation: cancellation, cluster: cluster.InProcess,
            keepCampaigns: keepCampaigns, services: s => s.AddSingleton<IIncomingGrainCallFilter>(timeline).AddSingleton<IOutgoingGrainCallFilter>(timeline));

    /// <summary>Waits until the directory counts <paramref name="slots"/> live slots (starting many processes on a small machine takes a while).</summary>
    public static async Task WaitForSlotsAsync(CampaignHost host, WorkerProcesses processes, int slots, TimeSpan limit)
    {
        var directory = host.Grains.GetGrain<IWorkerDirectoryGrain>(0);
        var waiting = Stopwatch.StartNew();
        int live;
        while ((live = (await directory.Census(null)).Slots) < slots)
        {
            processes.ThrowIfAnyExited();
            if (waiting.Elapsed > limit)
            {
                throw new TimeoutException($"{live} of {slots} worker slots announced within {limit.TotalMinutes} minutes");
            }

            await Task.Delay(50);
        }
    }
}
