using System.CommandLine;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;

namespace Mnas.Host.Commands;

/// <summary><c>mnas submit --spec FILE</c>: record a campaign in the store for the cluster's coordinators to run; prints its id.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var spec = new Option<string>("--spec") { Description = "the campaign spec (JSON or YAML)", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "rl (default) or random", DefaultValueFactory = _ => "rl" };
        var children = new Option<int?>("--children") { Description = "children to evaluate (default 20)" };
        var hours = new Option<double?>("--hours") { Description = "wall-clock budget in hours" };
        var minibatch = new Option<int>("--minibatch") { Description = "finished children per controller update", DefaultValueFactory = _ => 20 };
        var workers = new Option<int>("--workers") { Description = "worker slots expected (the controller's policy lag)", DefaultValueFactory = _ => 1 };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var id = new Option<string?>("--id") { Description = "campaign id (default: the spec's name and the time)" };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("submit", "Record a campaign for the cluster's coordinators to run") { spec, strategy, children, hours, minibatch, workers, seed, id, data };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var campaignSpec = CampaignSpecLoader.Load(result.GetValue(spec)!);
            var maxChildren = result.GetValue(children) ?? (result.GetValue(hours) == null ? 20 : null);
            var settings = new CampaignSettings(result.GetValue(strategy)!, maxChildren, result.GetValue(hours), result.GetValue(minibatch),
                result.GetValue(workers));
            settings.ThrowIfInvalid();
            var campaignId = result.GetValue(id) ?? $"{campaignSpec.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
            await using var store = await CampaignSession.OpenStoreAsync(settingsOptions.Load(result), result.GetValue(data)!, cancellation);
            await store.CreateCampaignAsync(new Campaign(campaignId, campaignSpec.Name, CampaignSpecWriter.ToJson(campaignSpec), settings.ToJson(),
                result.GetValue(seed), CampaignStatus.Running, DateTimeOffset.UtcNow), cancellation);
            Console.WriteLine(campaignId);
            return 0;
        }));
        return command;
    }
}
