using System.CommandLine;
using Mnas.Campaigns;
using Mnas.Costs.Admission;
using Mnas.Grains;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;

namespace Mnas.Host.Commands;

/// <summary>What describes a new campaign on the command line (<c>search</c>, <c>submit</c>, <c>demo</c>): spec, strategy, budget, minibatch, seed, id.</summary>
internal sealed class CampaignOptions
{
    private readonly Option<string> spec;
    private readonly Option<string> strategy = new("--strategy") { Description = "rl (MnasNet, default), random, fbnet (FBNet's DNAS), fbnetv2 (FBNetV2's DMasking), bn-nas (BN-NAS), fbnetv3 (FBNetV3: architecture and training recipe with a predictor) or memnas (MemNAS: grow and trim rounds ranked by a controller, for memory)", DefaultValueFactory = _ => "rl" };
    private readonly Option<int?> children;
    private readonly Option<double?> hours = new("--hours") { Description = "wall-clock budget in hours" };
    private readonly Option<int> minibatch;
    private readonly Option<long> seed = new("--seed") { DefaultValueFactory = _ => 0 };
    private readonly Option<string?> id = new("--id") { Description = "campaign id (default: the spec's name and the time)" };

    private readonly int defaultChildren;

    /// <param name="defaultSpec">The spec when <c>--spec</c> is not given; null makes <c>--spec</c> required.</param>
    public CampaignOptions(string? defaultSpec = null, int defaultChildren = 20, int defaultMinibatch = 20)
    {
        spec = new("--spec") { Description = "the campaign spec (JSON or YAML)", Required = defaultSpec is null };
        if (defaultSpec is not null)
        {
            spec.DefaultValueFactory = _ => defaultSpec;
        }
        children = new("--children") { Description = $"children to evaluate (default {defaultChildren}; fbnetv3: every round's and the final ones; memnas: the base and every round's top k, 1 + rounds × top_k)" };
        minibatch = new("--minibatch") { Description = "finished children per controller update", DefaultValueFactory = _ => defaultMinibatch };
        this.defaultChildren = defaultChildren;
    }

    /// <summary>The campaign spec's path.</summary>
    public Option<string> Spec => spec;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { spec, strategy, children, hours, minibatch, seed, id })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The campaign, its spec and its settings, checked as the API checks them: the spec file by the campaign contract
    /// (every field in range, the largest child within <paramref name="limits"/>), the settings within their ranges.
    /// <paramref name="workers"/> sets the controller's policy lag.
    /// </summary>
    public (Campaign Campaign, CampaignSpec Spec, CampaignSettings Settings) Read(ParseResult result, int workers, ChildResourceLimits limits)
    {
        var path = result.GetValue(spec)!;
        var campaignSpec = CampaignSpecLoader.Load(path);
        CampaignContract.ThrowIfRefused(campaignSpec, limits, path, result.GetValue(strategy));
        var maxChildren = result.GetValue(children) ??
            (result.GetValue(hours) == null ? CampaignSettings.DefaultChildren(result.GetValue(strategy)!, campaignSpec, defaultChildren) : null);
        var settings = new CampaignSettings(result.GetValue(strategy)!, maxChildren, result.GetValue(hours), result.GetValue(minibatch), workers);
        settings.ThrowIfInvalid();
        var campaignSeed = result.GetValue(seed);
        if (CampaignSettings.SeedProblem(campaignSeed) is { } seedProblem)
        {
            throw new ArgumentException("--" + seedProblem);
        }

        var given = result.GetValue(id);
        if (given is not null && !CampaignRanges.IsCampaignId(given))
        {
            throw new ArgumentException($"--id: must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (got '{given}')");
        }

        var campaignId = given ?? $"{campaignSpec.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var campaign = new Campaign(campaignId, campaignSpec.Name, CampaignSpecWriter.ToJson(campaignSpec), settings.ToJson(), campaignSeed,
            CampaignStatus.Running, DateTimeOffset.UtcNow);
        return (campaign, campaignSpec, settings);
    }
}
