using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Api.Campaigns;

/// <summary>
/// The bounds on a campaign submitted over the API, so that no request can book the cluster for months or build a
/// network no worker can hold. The search space is measured as <see cref="ModelSpace"/> sees it: its decisions (six per
/// skeleton block) and the choices of each.
/// </summary>
public static class CampaignLimits
{
    public const int MaxChildren = 10_000;
    public const double MaxHours = 720;
    public const int MaxMinibatch = 1_000;
    public const int MaxProxyEpochs = 50;
    public const int MaxProxyBatchSize = 1_024;

    /// <summary>Sixteen blocks: MobileNetV2's skeleton has seven.</summary>
    public const int MaxDecisions = 96;

    public const int MaxChoicesPerDecision = 16;
    public const int MaxLayersPerBlock = 16;
    public const int MaxChannels = 4_096;
    public const int MaxInputSide = 1_024;

    /// <summary>Adds a problem, under <c>spec.…</c>, for each bound <paramref name="spec"/> (already valid as a spec) passes.</summary>
    public static void Check(CampaignSpec spec, ValidationErrors errors)
    {
        AtMost(errors, "spec.proxy.epochs", spec.Proxy.Epochs, MaxProxyEpochs);
        AtMost(errors, "spec.proxy.batch_size", spec.Proxy.BatchSize, MaxProxyBatchSize);
        AtMost(errors, "spec.target.input.height", spec.Target.Input.Height, MaxInputSide);
        AtMost(errors, "spec.target.input.width", spec.Target.Input.Width, MaxInputSide);
        AtMost(errors, "spec.skeleton.stem_channels", spec.Skeleton.StemChannels, MaxChannels);
        AtMost(errors, "spec.skeleton.head_channels", spec.Skeleton.HeadChannels, MaxChannels);
        for (var i = 0; i < spec.Skeleton.Blocks.Count; i++)
        {
            AtMost(errors, $"spec.skeleton.blocks[{i}].channels", spec.Skeleton.Blocks[i].Channels, MaxChannels);
            AtMost(errors, $"spec.skeleton.blocks[{i}].layers", spec.Skeleton.Blocks[i].Layers, MaxLayersPerBlock);
        }

        var space = new ModelSpace(spec);
        if (space.Decisions.Count > MaxDecisions)
        {
            errors.Add("spec.skeleton.blocks",
                $"the search space may hold at most {MaxDecisions} decisions ({MaxDecisions / 6} blocks); this one holds {space.Decisions.Count} ({spec.Skeleton.Blocks.Count} blocks)");
        }

        foreach (var (field, count) in ChoiceLists(spec.SearchSpace).Where(list => list.Count > MaxChoicesPerDecision))
        {
            errors.Add(field, $"may hold at most {MaxChoicesPerDecision} choices (got {count})");
        }
    }

    private static IEnumerable<(string Field, int Count)> ChoiceLists(SearchSpaceSpec choices) =>
    [
        ("spec.search_space.ops", choices.Ops.Count),
        ("spec.search_space.kernels", choices.Kernels.Count),
        ("spec.search_space.se_ratios", choices.SeRatios.Count),
        ("spec.search_space.skips", choices.Skips.Count),
        ("spec.search_space.widths", choices.Widths.Count),
        ("spec.search_space.layer_deltas", choices.LayerDeltas.Count),
    ];

    private static void AtMost(ValidationErrors errors, string field, int value, int max)
    {
        if (value > max)
        {
            errors.Add(field, $"must be at most {max} (got {value})");
        }
    }
}
