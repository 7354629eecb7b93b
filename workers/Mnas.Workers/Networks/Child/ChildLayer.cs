using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// One block layer as its <see cref="LayerConfig"/> describes it: the operation (with optional SE)
/// and the shortcut it really gets. Built from the same configuration the cost analysis and the
/// latency table use, so the three always agree. A grouped MBConv (<see cref="LayerConfig.Groups"/> above 1) is
/// FBNet's grouped candidate: 1×1 group-convolution expansion (even at expansion 1), <see cref="ChannelShuffle"/>,
/// depthwise, [SE], 1×1 group-convolution projection. With stochastic depth (<see cref="BranchDropChance"/> above 0), a
/// residual layer in training mode drops its branch for each image with that chance and scales the kept branches by
/// 1/(1 − chance), so that eval mode (which always keeps the branch) sees the same expectation.
/// </summary>
public sealed class ChildLayer : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly LayerShortcut shortcut;
    private readonly PooledProjection? pooled;

    /// <param name="branchDropChance">Stochastic depth's chance, in [0, 1); only a layer with a shortcut may have one above 0.</param>
    public ChildLayer(LayerConfig config, double branchDropChance = 0)
    {
        Config = config;
        if (!(branchDropChance is >= 0 and < 1) || (branchDropChance > 0 && config.Shortcut == LayerShortcut.None))
        {
            throw new ArgumentOutOfRangeException(nameof(branchDropChance), branchDropChance,
                "must lie in [0, 1), and be 0 for a layer without a shortcut");
        }
        BranchDropChance = branchDropChance;
        var (cin, cout, act, groups) = (config.InChannels, config.OutChannels, config.Activation, config.Groups);
        if (groups < 1 || (groups > 1 && (config.Op != ConvOp.MBConv || cin % groups != 0 || cout % groups != 0)))
        {
            throw new ArgumentException($"config: {groups} groups for {config.Op} {cin} → {cout}; groups are for MBConv and must divide its channels", nameof(config));
        }
        var parts = new List<(string, Module<Tensor, Tensor>)>();
        switch (config.Op)
        {
            case ConvOp.Conv:
                parts.Add(("conv", new ConvBn(cin, cout, config.Kernel, config.Stride, 1, act)));
                if (config.SeSqueeze > 0)
                {
                    parts.Add(("se", new SqueezeExcite(cout, config.SeSqueeze, act)));
                }
                break;
            case ConvOp.DepthwiseConv:
            case ConvOp.MBConv:
                var hidden = config.HiddenChannels;
                if (config.Expands)
                {
                    parts.Add(("expand", new ConvBn(cin, hidden, 1, 1, groups, act)));
                }
                if (groups > 1)
                {
                    parts.Add(("shuffle", new ChannelShuffle(groups)));
                }
                parts.Add(("depthwise", new ConvBn(hidden, hidden, config.Kernel, config.Stride, hidden, act)));
                if (config.SeSqueeze > 0)
                {
                    parts.Add(("se", new SqueezeExcite(hidden, config.SeSqueeze, act)));
                }
                parts.Add(("project", new ConvBn(hidden, cout, 1, 1, groups, activation: null)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(config), config.Op, "unknown operation");
        }
        body = register_module("body", new Sequential(parts.ToArray()));
        shortcut = config.Shortcut;
        LastBatchNorm = ((ConvBn)parts.Last(p => p.Item2 is ConvBn).Item2).BatchNorm;
        if (shortcut != LayerShortcut.None)
        {
            // A residual layer starts as (nearly) its shortcut: the branch's last BN scale is zero,
            // which lets a deep child train from its first steps.
            LastBatchNorm.weight?.zero_();
        }
        if (shortcut == LayerShortcut.Pooled)
        {
            pooled = register_module("shortcut", new PooledProjection(cin, cout, config.Stride));
        }
    }

    public LayerConfig Config { get; }

    /// <summary>The batch norm the branch ends with (before the shortcut's add): BN-NAS scores the layer by its γ.</summary>
    public BatchNorm2d LastBatchNorm { get; }

    /// <summary>The chance that the branch is dropped for an image in training mode (stochastic depth); 0 keeps it always.</summary>
    public double BranchDropChance { get; }

    public override Tensor forward(Tensor input)
    {
        if (shortcut == LayerShortcut.None)
        {
            return body.forward(input);
        }
        using var branch = training && BranchDropChance > 0 ? DroppedPerImage(body.forward(input)) : body.forward(input);
        if (shortcut == LayerShortcut.Identity)
        {
            return input + branch;
        }
        using var projected = pooled!.forward(input);
        return projected + branch;
    }

    /// <summary>The branch with each image's kept (scaled by 1/(1 − chance)) or zeroed, by a draw from torch's generator.</summary>
    private Tensor DroppedPerImage(Tensor branch)
    {
        using (branch)
        {
            using var scope = torch.NewDisposeScope();
            var keep = 1 - BranchDropChance;
            var kept = torch.rand([branch.size(0), 1, 1, 1], branch.dtype, branch.device).lt(keep).to(branch.dtype).div_(keep);
            return (branch * kept).MoveToOuterDisposeScope();
        }
    }
}
