using System.CommandLine;

namespace Mnas.Host.Commands;

/// <summary><c>mnas submit --spec FILE</c>: record a campaign in the store for the cluster's coordinators to run; prints its id.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var campaignOptions = new CampaignOptions();
        var workers = new Option<int>("--workers") { Description = "worker slots expected (the controller's policy lag)", DefaultValueFactory = _ => 1 };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("submit", "Record a campaign for the cluster's coordinators to run") { workers, data };
        campaignOptions.AddTo(command);
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var process = settingsOptions.Load(result);
            var (campaign, _, _) = campaignOptions.Read(result, result.GetValue(workers), process.ChildLimits);
            await using var store = await CampaignSession.OpenStoreAsync(process, result.GetValue(data)!, cancellation);
            await store.CreateCampaignAsync(campaign, cancellation);
            Console.WriteLine(campaign.Id);
            return 0;
        }));
        return command;
    }
}
