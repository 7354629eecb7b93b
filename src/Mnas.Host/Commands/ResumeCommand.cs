using System.CommandLine;
using Mnas.Costs.Admission;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary><c>mnas resume CAMPAIGN</c>: continue a stopped campaign from its last checkpoint.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var campaignId = new Argument<string>("campaign") { Description = "the campaign id" };
        var data = DataOption.Create();
        var workers = new Option<int?>("--workers") { Description = "children evaluated at once by this process (default: as the campaign started)" };
        var settingsOptions = new SettingsOptions();
        var command = new Command("resume", "Continue a stopped campaign where it left off") { campaignId, data, workers };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var directory = result.GetValue(data)!;
            var id = result.GetValue(campaignId)!;
            var process = settingsOptions.Load(result);
            CampaignSettings settings;
            await using (var store = await CampaignSession.OpenStoreAsync(process, directory, cancellation))
            {
                var stored = await store.GetCampaignAsync(id, cancellation) ?? throw new ArgumentException($"campaign: no campaign '{id}' in the store");
                settings = CampaignSettings.FromJson(stored.Strategy);
                // Limits may have changed since the campaign was stored: it resumes only if it would be accepted now.
                CampaignContract.ThrowIfRefused(CampaignSpecLoader.FromJson(stored.SpecJson, $"campaign {id}"), process.ChildLimits, $"campaign {id}",
                    settings.Strategy);
            }
            await using var host = await CampaignSession.StartHostAsync(process, directory, result.GetValue(workers) ?? settings.Workers, cancellation);
            var campaign = (await host.Store.GetCampaignAsync(id, cancellation))!;
            return await CampaignSession.RunAsync(host, campaign, settings, directory, cancellation);
        }));
        return command;
    }
}
