using System.CommandLine;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;

namespace Mnas.Host.Commands;

/// <summary>What describes a new campaign on the command line (<c>search</c>, <c>submit</c>): spec, strategy, budget, minibatch, seed, id.</summary>
internal sealed class CampaignOptions
{
    private readonly Option<string> spec = new("--spec") { Description = "the campaign spec (JSON or YAML)", Required = true };
    private readonly Option<string> strategy = new("--strategy") { Description = "rl (default) or random", DefaultValueFactory = _ => "rl" };
    private readonly Option<int?> children = new("--children") { Description = "children to evaluate (default 20)" };
    private readonly Option<double?> hours = new("--hours") { Description = "wall-clock budget in hours" };
    private readonly Option<int> minibatch = new("--minibatch") { Description = "finished children per controller update", DefaultValueFactory = _ => 20 };
    private readonly Option<long> seed = new("--seed") { DefaultValueFactory = _ => 0 };
    private readonly Option<string?> id = new("--id") { Description = "campaign id (default: the spec's name and the time)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { spec, strategy, children, hours, minibatch, seed, id })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The campaign and its checked settings; <paramref name="workers"/> sets the controller's policy lag.</summary>
    public (Campaign Campaign, CampaignSettings Settings) Read(ParseResult result, int workers)
    {
        var campaignSpec = CampaignSpecLoader.Load(result.GetValue(spec)!);
        var maxChildren = result.GetValue(children) ?? (result.GetValue(hours) == null ? 20 : null);
        var settings = new CampaignSettings(result.GetValue(strategy)!, maxChildren, result.GetValue(hours), result.GetValue(minibatch), workers);
        settings.ThrowIfInvalid();
        var campaignId = result.GetValue(id) ?? $"{campaignSpec.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var campaign = new Campaign(campaignId, campaignSpec.Name, CampaignSpecWriter.ToJson(campaignSpec), settings.ToJson(), result.GetValue(seed),
            CampaignStatus.Running, DateTimeOffset.UtcNow);
        return (campaign, settings);
    }
}
