using System.CommandLine;
using Mnas.Grains;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary><c>mnas resume CAMPAIGN</c>: continue a stopped campaign from its last checkpoint.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var campaignId = new Argument<string>("campaign") { Description = "the campaign id" };
        var data = DataOption.Create();
        var command = new Command("resume", "Continue a stopped campaign where it left off") { campaignId, data };
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var directory = result.GetValue(data)!;
            var id = result.GetValue(campaignId)!;
            CampaignSettings settings;
            await using (var store = Mnas.Store.Sqlite.SqliteCampaignStore.InDirectory(directory))
            {
                var stored = await store.GetCampaignAsync(id, cancellation) ?? throw new ArgumentException($"campaign: no campaign '{id}' in {directory}");
                settings = CampaignSettings.FromJson(stored.Strategy);
            }
            await using var host = await CampaignHost.StartAsync(CampaignSession.Runtime(directory, settings.Workers), cancellation: cancellation);
            var campaign = (await host.Store.GetCampaignAsync(id, cancellation))!;
            return await CampaignSession.RunAsync(host, campaign, settings, directory, cancellation);
        }));
        return command;
    }
}
