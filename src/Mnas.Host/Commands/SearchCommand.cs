using System.CommandLine;

namespace Mnas.Host.Commands;

/// <summary><c>mnas search --spec FILE</c>: run a campaign on this machine in the foreground.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var campaignOptions = new CampaignOptions();
        var workers = new Option<int>("--workers")
        {
            Description = "children evaluated at once by this process (0 in a cluster: only the cluster's workers)", DefaultValueFactory = _ => 1,
        };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("search", "Run a search campaign in the foreground") { workers, data };
        campaignOptions.AddTo(command);
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var local = result.GetValue(workers);
            var process = settingsOptions.Load(result);
            var (campaign, _, settings) = campaignOptions.Read(result, Math.Max(1, local), process.ChildLimits);
            var directory = result.GetValue(data)!;
            await using var host = await CampaignSession.StartHostAsync(process, directory, local, cancellation);
            await host.Store.CreateCampaignAsync(campaign, cancellation);
            return await CampaignSession.RunAsync(host, campaign, settings, directory, cancellation);
        }));
        return command;
    }
}
