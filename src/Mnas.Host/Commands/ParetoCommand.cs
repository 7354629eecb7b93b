using System.CommandLine;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using Mnas.Pareto.Report;
using Mnas.SearchSpace.Spec;
using Mnas.Store;

namespace Mnas.Host.Commands;

/// <summary><c>mnas pareto CAMPAIGN</c>: the campaign's non-dominated children, as a table, CSV or JSON.</summary>
internal static class ParetoCommand
{
    public static Command Create()
    {
        var campaign = new Argument<string>("campaign") { Description = "the campaign id" };
        var csv = new Option<bool>("--csv") { Description = "write CSV" };
        var json = new Option<bool>("--json") { Description = "write JSON (with the reference point and hypervolume)" };
        var memory = new Option<bool>("--memory") { Description = "add peak activation memory as an objective" };
        var parameters = new Option<bool>("--params") { Description = "add parameter count as an objective" };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("pareto", "Print a campaign's Pareto front (accuracy × latency, optionally × memory × parameters)")
        {
            campaign, csv, json, memory, parameters, data,
        };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var store = await CampaignSession.OpenStoreAsync(settingsOptions.Load(result), result.GetValue(data)!, cancellation);
            var report = await BuildAsync(store, result.GetValue(campaign)!, result.GetValue(memory), result.GetValue(parameters), cancellation);
            Console.Write(result.GetValue(csv) ? report.ToCsv() : result.GetValue(json) ? report.ToJson() : report.ToText());
            return 0;
        }));
        return command;
    }

    /// <summary>The front of a campaign's done children; the reference point is accuracy 0 and four times the latency target.</summary>
    public static async Task<ParetoReport> BuildAsync(ICampaignStore store, string campaignId, bool memory = false, bool parameters = false,
        CancellationToken cancellation = default)
    {
        var campaign = await store.GetCampaignAsync(campaignId, cancellation)
            ?? throw new ArgumentException($"campaign: no campaign '{campaignId}' in the store");
        var spec = CampaignSpecLoader.FromJson(campaign.SpecJson);
        var children = await store.ListChildrenAsync(campaignId, cancellationToken: cancellation);
        var objectives = ParetoObjectives.Default;
        if (memory)
        {
            objectives = objectives.WithMemory();
        }
        if (parameters)
        {
            objectives = objectives.WithParams();
        }
        var worstMemory = children.Where(c => c.Metrics != null).Select(c => (double)c.Metrics!.PeakActivationBytes).DefaultIfEmpty(1).Max() * 2;
        var worstParams = children.Where(c => c.Metrics != null).Select(c => (double)c.Metrics!.Params).DefaultIfEmpty(1).Max() * 2;
        var reference = ParetoReference.For(objectives, 0, 4 * spec.Reward.LatencyTargetMs, memory ? worstMemory : null, parameters ? worstParams : null);
        return ParetoReport.Create(children, objectives, reference);
    }
}
