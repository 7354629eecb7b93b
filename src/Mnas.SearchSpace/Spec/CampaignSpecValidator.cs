using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// Checks a <see cref="CampaignSpec"/> field by field and returns every problem with its snake_case path, e.g.
/// <c>search_space.ops[2]: unknown op 'mbconv9' (known: conv, dwconv, mbconv1, mbconv3, mbconv6)</c> or
/// <c>proxy.epochs: must be at least 1 (got -2)</c>.
/// </summary>
public sealed class CampaignSpecValidator : ISpecValidator<CampaignSpec>
{
    public static CampaignSpecValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(CampaignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new ProblemList();
        problems.NotEmpty("name", spec.Name);
        if (problems.NotNull("search_space", spec.SearchSpace))
        {
            ValidateChoices(spec.SearchSpace, problems);
        }

        if (problems.NotNull("skeleton", spec.Skeleton))
        {
            ValidateSkeleton(spec.Skeleton, problems);
        }

        if (problems.NotNull("target", spec.Target))
        {
            ValidateTarget(spec.Target, problems);
        }

        if (problems.NotNull("proxy", spec.Proxy))
        {
            ValidateProxy(spec.Proxy, problems);
        }

        if (problems.NotNull("reward", spec.Reward))
        {
            ValidateReward(spec.Reward, problems);
        }

        return problems.Items;
    }

    /// <summary>Throws a <see cref="SpecException"/> listing every problem, if there are any.</summary>
    public void ThrowIfInvalid(CampaignSpec spec, string? origin = null)
    {
        var problems = Validate(spec);
        if (problems.Count > 0)
        {
            throw new SpecException("campaign spec", origin, problems);
        }
    }

    private static void ValidateChoices(SearchSpaceSpec space, ProblemList problems)
    {
        ChoiceList("search_space.ops", space.Ops, problems, (path, op) =>
        {
            if (!OpNames.TryParse(op, out _, out _))
            {
                problems.Add(path, $"unknown op '{op}' (known: {string.Join(", ", OpNames.Known)})");
            }
        }, op => op);
        ChoiceList("search_space.kernels", space.Kernels, problems, problems.OddKernel, ChoiceText.Kernel);
        ChoiceList("search_space.se_ratios", space.SeRatios, problems, problems.Fraction, ChoiceText.Number);
        ChoiceList("search_space.skips", space.Skips, problems, (path, skip) =>
        {
            if (!EnumNames<SkipOp>.TryParse(skip, out _))
            {
                problems.Add(path, $"unknown skip '{skip}' (known: {string.Join(", ", EnumNames<SkipOp>.Known)})");
            }
        }, skip => skip);
        ChoiceList("search_space.widths", space.Widths, problems, problems.Positive, ChoiceText.Number);
        ChoiceList("search_space.layer_deltas", space.LayerDeltas, problems, (_, _) => { }, ChoiceText.LayerDelta);
    }

    /// <summary>A choice list must exist, be non-empty, hold valid entries, and not repeat one (two equal choices
    /// would make two samples look the same).</summary>
    private static void ChoiceList<T>(
        string path, IReadOnlyList<T>? choices, ProblemList problems, Action<string, T> check, Func<T, string?> display)
    {
        if (!problems.NotNull(path, choices))
        {
            return;
        }

        if (choices!.Count == 0)
        {
            problems.Add(path, "empty choice list");
            return;
        }

        var seen = new HashSet<string?>();
        for (var i = 0; i < choices.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            if (!problems.NotNull(itemPath, choices[i]))
            {
                continue;
            }

            var before = problems.Count;
            check(itemPath, choices[i]);
            var shown = display(choices[i]);
            if (problems.Count == before && !seen.Add(shown))
            {
                problems.Add(itemPath, $"duplicate choice '{shown}'");
            }
        }
    }

    private static void ValidateSkeleton(SkeletonSpec skeleton, ProblemList problems)
    {
        problems.AtLeast("skeleton.stem_channels", skeleton.StemChannels, 1);
        problems.Stride("skeleton.stem_stride", skeleton.StemStride);
        if (problems.NotNull("skeleton.blocks", skeleton.Blocks))
        {
            if (skeleton.Blocks.Count == 0)
            {
                problems.Add("skeleton.blocks", "must have at least one block");
            }

            for (var i = 0; i < skeleton.Blocks.Count; i++)
            {
                var path = FieldPath.Index("skeleton.blocks", i);
                var block = skeleton.Blocks[i];
                if (problems.NotNull(path, block))
                {
                    problems.AtLeast(FieldPath.Field(path, "channels"), block.Channels, 1);
                    problems.AtLeast(FieldPath.Field(path, "layers"), block.Layers, 1);
                    problems.Stride(FieldPath.Field(path, "stride"), block.Stride);
                }
            }
        }

        problems.AtLeast("skeleton.head_channels", skeleton.HeadChannels, 1);
        if (!EnumNames<Activation>.TryParse(skeleton.Activation, out _))
        {
            problems.Add("skeleton.activation",
                $"unknown activation '{skeleton.Activation}' (known: {string.Join(", ", EnumNames<Activation>.Known)})");
        }

        problems.Fraction("skeleton.dropout", skeleton.Dropout);
    }

    private static void ValidateTarget(TargetSpec target, ProblemList problems)
    {
        if (problems.NotNull("target.input", target.Input))
        {
            problems.AtLeast("target.input.channels", target.Input.Channels, 1);
            problems.AtLeast("target.input.height", target.Input.Height, 1);
            problems.AtLeast("target.input.width", target.Input.Width, 1);
        }

        problems.AtLeast("target.classes", target.Classes, 1);
        if (target.DeviceClass != null && (target.DeviceClass.Length == 0 || !target.DeviceClass.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            problems.Add("target.device_class", $"must be letters, digits, '-' or '_' (got '{target.DeviceClass}')");
        }
    }

    private static void ValidateProxy(ProxySpec proxy, ProblemList problems)
    {
        problems.NotEmpty("proxy.dataset", proxy.Dataset);
        problems.AtLeast("proxy.epochs", proxy.Epochs, 1);
        problems.AtLeast("proxy.batch_size", proxy.BatchSize, 1);
        if (proxy.TrainSubsetSize is { } subset)
        {
            problems.AtLeast("proxy.train_subset_size", subset, 1);
        }

        problems.OpenFraction("proxy.validation_fraction", proxy.ValidationFraction);
        problems.Positive("proxy.learning_rate", proxy.LearningRate);
        problems.Fraction("proxy.momentum", proxy.Momentum);
        problems.NotNegative("proxy.weight_decay", proxy.WeightDecay);
        problems.Fraction("proxy.label_smoothing", proxy.LabelSmoothing);
    }

    private static void ValidateReward(RewardSpec reward, ProblemList problems)
    {
        problems.Positive("reward.latency_target_ms", reward.LatencyTargetMs);
        problems.NotPositive("reward.alpha", reward.Alpha);
        problems.NotPositive("reward.beta", reward.Beta);
    }
}
