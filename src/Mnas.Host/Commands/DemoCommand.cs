using System.CommandLine;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Datasets;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas demo</c> (behind <c>make demo</c>): the embedded server — as <c>mnas serve</c> runs it: one silo of its own,
/// the SQLite store, local workers and the API — with a real campaign running (<c>docs/demo-campaign.yaml</c> by
/// default: children trained on Fashion-MNIST), an operator key made for it, and the dashboard's address printed with
/// that key in its fragment. Runs until SIGTERM or Ctrl+C; the dashboard stays up after the campaign completes.
/// </summary>
internal static class DemoCommand
{
    private const string Role = "demo";
    private const string DefaultSpec = "docs/demo-campaign.yaml";

    public static Command Create()
    {
        var campaignOptions = new CampaignOptions(DefaultSpec, defaultChildren: 24, defaultMinibatch: 4);
        var settingsOptions = new SettingsOptions();
        var command = new Command("demo", "Run a real campaign in the embedded server and print the dashboard's address, until stopped");
        campaignOptions.AddTo(command);
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            var runtime = settings.Runtime;
            if (settings.Postgres != null)
            {
                throw new SettingsException(["store: demo runs embedded only (store sqlite); for a cluster use mnas serve"]);
            }

            var (campaign, spec, campaignSettings) = campaignOptions.Read(result, runtime.Workers, settings.ChildLimits);
            if (runtime.Trainer == Grains.RuntimeOptions.PipelineTrainer)
            {
                var fetched = DatasetFetcher.Fetch(spec.Proxy.Dataset, runtime.DatasetCache);
                Console.WriteLine($"{Role}: {spec.Proxy.Dataset} {(fetched.AlreadyCached ? "cached" : "fetched")}, {fetched.Count} images");
            }

            using var stop = new StopSignal(cancellation);
            await using var embedded = await EmbeddedServer.StartAsync(settings, stop.Token);
            var (host, api) = (embedded.Host, embedded.Api);
            await host.Store.CreateCampaignAsync(campaign, stop.Token);
            var key = await DemoKey.CreateAsync(host.Store, stop.Token);

            Console.WriteLine($"{Role}: campaign {campaign.Id}: {campaignSettings.MaxChildren} children, strategy {campaignSettings.Strategy}, " +
                $"{host.Options.Workers} worker slot(s)");
            Console.WriteLine();
            Console.WriteLine($"  dashboard: {DashboardAddress(api.Urls[0], key)}");
            Console.WriteLine();
            Console.WriteLine($"{Role}: the key in that address is an operator's, made for this demo; Ctrl+C stops the demo");
            await ClusterRoles.WaitAsync(stop.Token);
            Console.WriteLine($"{Role}: stopping");
            return 0;
        }));
        return command;
    }

    /// <summary>The page's address on this host, with the key in its fragment (which never reaches the server).</summary>
    internal static string DashboardAddress(string listeningUrl, string? key)
    {
        var root = listeningUrl.TrimEnd('/') + "/";
        return string.IsNullOrEmpty(key) ? root : $"{root}#key={Uri.EscapeDataString(key)}";
    }
}
