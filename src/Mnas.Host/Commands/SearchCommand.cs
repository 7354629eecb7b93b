using System.CommandLine;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;

namespace Mnas.Host.Commands;

/// <summary><c>mnas search --spec FILE</c>: run a campaign on this machine in the foreground.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var spec = new Option<string>("--spec") { Description = "the campaign spec (JSON or YAML)", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "rl (default) or random", DefaultValueFactory = _ => "rl" };
        var children = new Option<int?>("--children") { Description = "children to evaluate (default 20)" };
        var hours = new Option<double?>("--hours") { Description = "wall-clock budget in hours" };
        var minibatch = new Option<int>("--minibatch") { Description = "finished children per controller update", DefaultValueFactory = _ => 20 };
        var workers = new Option<int>("--workers")
        {
            Description = "children evaluated at once by this process (0 with a broker: only the cluster's workers)", DefaultValueFactory = _ => 1,
        };
        var settingsOptions = new SettingsOptions();
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "campaign id (default: the spec's name and the time)" };
        var data = DataOption.Create();
        var command = new Command("search", "Run a search campaign in the foreground") { spec, strategy, children, hours, minibatch, workers, seed, id, data };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var campaignSpec = CampaignSpecLoader.Load(result.GetValue(spec)!);
            var maxChildren = result.GetValue(children) ?? (result.GetValue(hours) == null ? 20 : null);
            var local = result.GetValue(workers);
            var settings = new CampaignSettings(result.GetValue(strategy)!, maxChildren, result.GetValue(hours), result.GetValue(minibatch),
                Math.Max(1, local));
            settings.ThrowIfInvalid();
            var process = settingsOptions.Load(result);
            var campaignId = result.GetValue(id) ?? $"{campaignSpec.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
            var directory = result.GetValue(data)!;
            await using var host = await CampaignSession.StartHostAsync(process, directory, local, cancellation);
            var campaign = new Campaign(campaignId, campaignSpec.Name, CampaignSpecWriter.ToJson(campaignSpec), settings.ToJson(), result.GetValue(seed),
                CampaignStatus.Running, DateTimeOffset.UtcNow);
            await host.Store.CreateCampaignAsync(campaign, cancellation);
            return await CampaignSession.RunAsync(host, campaign, settings, directory, cancellation);
        }));
        return command;
    }
}
