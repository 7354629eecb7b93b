using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;
using Mnas.SearchSpace.Spec;
using Mnas.Store;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;
using Spectre.Console;

namespace Mnas.Host.Commands;

/// <summary>Runs a campaign in the foreground with a live display, then prints its front.</summary>
internal static class CampaignSession
{
    public static async Task<int> RunAsync(CampaignHost host, Campaign campaign, CampaignSettings settings, string dataDirectory,
        CancellationToken cancellation)
    {
        var spec = CampaignSpecLoader.FromJson(campaign.SpecJson, $"campaign {campaign.Id}");
        var strategy = StrategyFactory.Create(settings, campaign.Seed, spec);
        Console.WriteLine($"campaign={campaign.Id} strategy={settings.Strategy} budget={settings.MaxChildren?.ToString() ?? "-"} children workers={settings.Workers}");
        var run = host.Runner.RunAsync(campaign.Id, strategy, settings.Budget, cancellation: cancellation);
        await AnsiConsole.Status().StartAsync("starting", async context =>
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(1000, CancellationToken.None));
                var children = await host.Store.ListChildrenAsync(campaign.Id, cancellationToken: CancellationToken.None);
                var done = children.Count(c => c.Status == ChildStatus.Done);
                var failed = children.Count(c => c.Status == ChildStatus.Failed);
                var best = children.Where(c => c.Reward != null).Select(c => c.Reward!.Value).DefaultIfEmpty(double.NaN).Max();
                var supernet = settings.SearchesSupernet ? await host.Store.GetSupernetAsync(campaign.Id, CancellationToken.None) : null;
                var training = supernet is { Trained: false }
                    ? $"supernet epoch {supernet.EpochsDone}/{SupernetStrategies.Epochs(spec, settings.Strategy)} (attempt {supernet.Attempts}); "
                    : settings.SearchesSupernet && supernet == null ? "supernet starting; " : "";
                context.Status($"{training}children done {done}, failed {failed}, in progress {children.Count - done - failed}; best reward {best:F4}");
            }
        });
        await run;
        var report = await ParetoCommand.BuildAsync(host.Store, campaign.Id, cancellation: cancellation);
        Console.Write(report.ToText());
        return 0;
    }

    /// <summary>
    /// The runtime of a foreground campaign: the process's settings (store, worker, latency), the data directory, and
    /// <paramref name="workers"/> local worker slots sharing the machine's cores, in a silo that joins the settings'
    /// cluster (postgres membership: the cluster's workers evaluate children too) or is a cluster of its own.
    /// </summary>
    public static Task<CampaignHost> StartHostAsync(HostSettings process, string dataDirectory, int workers, CancellationToken cancellation)
    {
        var runtime = process.Runtime with
        {
            DataDirectory = dataDirectory,
            Workers = workers,
            ThreadsPerWorker = Math.Max(1, Environment.ProcessorCount / Math.Max(1, workers)),
        };
        return CampaignHost.StartAsync(runtime, openStore: token => OpenStoreAsync(process, dataDirectory, token), cancellation: cancellation,
            cluster: process.Cluster);
    }

    /// <summary>The store the settings name: PostgreSQL, or SQLite under the data directory.</summary>
    public static async Task<ICampaignStore> OpenStoreAsync(HostSettings process, string dataDirectory, CancellationToken cancellation) =>
        process.Postgres is { } postgres
            ? await PostgresCampaignStore.OpenAsync(postgres, cancellation)
            : SqliteCampaignStore.InDirectory(dataDirectory);
}
