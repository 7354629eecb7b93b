using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Validation;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// Checks a <see cref="CampaignSpec"/> field by field and returns every problem with its snake_case path, e.g.
/// <c>search_space.ops[2]: unknown op 'mbconv9' (known: conv, dwconv, mbconv1, mbconv3, mbconv6)</c> or
/// <c>proxy.epochs: must be at least 1 (got -2)</c>. Every numeric field is held to its range in
/// <see cref="CampaignRanges"/>; the proxy data set must be one of <see cref="ProxyDatasets"/>. What a spec costs to
/// run (its largest child) is checked by the campaign contract above this, which knows the costs.
/// </summary>
public sealed partial class CampaignSpecValidator : ISpecValidator<CampaignSpec>
{
    public static CampaignSpecValidator Instance { get; } = new();

    public IReadOnlyList<SpecProblem> Validate(CampaignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new ProblemList();
        ValidateName(spec.Name, problems);
        var beforeSpace = problems.Count;
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

        var spaceSound = problems.Count == beforeSpace;
        if (problems.NotNull("proxy", spec.Proxy))
        {
            ValidateProxy(spec.Proxy, problems);
        }

        if (problems.NotNull("reward", spec.Reward))
        {
            ValidateReward(spec.Reward, problems);
            ValidateMemoryReward(spec, spaceSound, problems);
        }

        if (problems.NotNull("dnas", spec.Dnas))
        {
            ValidateDnas(spec.Dnas, problems);
        }

        if (problems.NotNull("bnnas", spec.Bnnas))
        {
            ValidateBnNas(spec.Bnnas, problems);
        }

        if (problems.NotNull("fbnetv3", spec.Fbnetv3))
        {
            ValidateFbnetv3(spec.Fbnetv3, problems);
        }

        if (problems.NotNull("memnas", spec.Memnas))
        {
            ValidateMemnas(spec, spaceSound, problems);
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
                problems.Add(path, $"unknown op {ProblemList.Quoted(op)} (known: {string.Join(", ", OpNames.Known)})");
            }
        }, op => op);
        ChoiceList("search_space.kernels", space.Kernels, problems, (path, kernel) =>
        {
            if (problems.InRange(path, kernel, Range("search_space.kernels[]")) && kernel % 2 == 0)
            {
                problems.Add(path, $"must be odd (got {ProblemList.Text(kernel)})");
            }
        }, ChoiceText.Kernel);
        ChoiceList("search_space.se_ratios", space.SeRatios, problems, InRange<double>(problems, "search_space.se_ratios[]"), ChoiceText.Number);
        ChoiceList("search_space.skips", space.Skips, problems, (path, skip) =>
        {
            if (!EnumNames<SkipOp>.TryParse(skip, out _))
            {
                problems.Add(path, $"unknown skip {ProblemList.Quoted(skip)} (known: {string.Join(", ", EnumNames<SkipOp>.Known)})");
            }
        }, skip => skip);
        ChoiceList("search_space.widths", space.Widths, problems, InRange<double>(problems, "search_space.widths[]"), ChoiceText.Number);
        ChoiceList("search_space.layer_deltas", space.LayerDeltas, problems, InRange<int>(problems, "search_space.layer_deltas[]"),
            ChoiceText.LayerDelta);
    }

    private static FieldRange Range(string path) => CampaignRanges.ForSpec(path);

    /// <summary>Checks the field at <paramref name="path"/> against its range in <see cref="CampaignRanges"/>.</summary>
    private static void Check(ProblemList problems, string path, double value) => problems.InRange(path, value, Range(path));

    /// <summary>A check of a list's items against the range of <paramref name="itemsPath"/> (<c>…[]</c>).</summary>
    private static Action<string, T> InRange<T>(ProblemList problems, string itemsPath) where T : IConvertible =>
        (path, value) => problems.InRange(path, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), Range(itemsPath));

    private static void ValidateName(string? name, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.NotEmpty("name", name);
        }
        else if (name.Length > CampaignRanges.MaxNameLength)
        {
            problems.Add("name", $"must be at most {CampaignRanges.MaxNameLength} characters (got {name.Length})");
        }
        else if (name.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            problems.Add("name", $"must not hold control characters (got {ProblemList.Quoted(name)})");
        }
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

        if (!problems.InRange(path, choices.Count, Range(path)))
        {
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
        Check(problems, "skeleton.stem_channels", skeleton.StemChannels);
        Check(problems, "skeleton.stem_stride", skeleton.StemStride);
        if (problems.NotNull("skeleton.blocks", skeleton.Blocks))
        {
            if (skeleton.Blocks.Count == 0)
            {
                problems.Add("skeleton.blocks", "must have at least one block");
            }
            else
            {
                Check(problems, "skeleton.blocks", skeleton.Blocks.Count);
            }

            for (var i = 0; i < Math.Min(skeleton.Blocks.Count, (int)Range("skeleton.blocks").Maximum); i++)
            {
                var path = FieldPath.Index("skeleton.blocks", i);
                var block = skeleton.Blocks[i];
                if (problems.NotNull(path, block))
                {
                    problems.InRange(FieldPath.Field(path, "channels"), block.Channels, Range("skeleton.blocks[].channels"));
                    problems.InRange(FieldPath.Field(path, "layers"), block.Layers, Range("skeleton.blocks[].layers"));
                    problems.InRange(FieldPath.Field(path, "stride"), block.Stride, Range("skeleton.blocks[].stride"));
                }
            }
        }

        Check(problems, "skeleton.head_channels", skeleton.HeadChannels);
        if (!EnumNames<Activation>.TryParse(skeleton.Activation, out _))
        {
            problems.Add("skeleton.activation",
                $"unknown activation {ProblemList.Quoted(skeleton.Activation)} (known: {string.Join(", ", EnumNames<Activation>.Known)})");
        }

        Check(problems, "skeleton.dropout", skeleton.Dropout);
    }

    private static void ValidateTarget(TargetSpec target, ProblemList problems)
    {
        if (problems.NotNull("target.input", target.Input))
        {
            Check(problems, "target.input.channels", target.Input.Channels);
            Check(problems, "target.input.height", target.Input.Height);
            Check(problems, "target.input.width", target.Input.Width);
        }

        Check(problems, "target.classes", target.Classes);
        if (target.DeviceClass != null && !CampaignRanges.IsDeviceClass(target.DeviceClass))
        {
            problems.Add("target.device_class", $"{CampaignRanges.DeviceClassRule} (got {ProblemList.Quoted(target.DeviceClass)})");
        }
    }

    private static void ValidateProxy(ProxySpec proxy, ProblemList problems)
    {
        if (proxy.DeviceClass != null && !CampaignRanges.IsDeviceClass(proxy.DeviceClass))
        {
            problems.Add("proxy.device_class", $"{CampaignRanges.DeviceClassRule} (got {ProblemList.Quoted(proxy.DeviceClass)})");
        }

        if (ProxyDatasets.Find(proxy.Dataset) is null)
        {
            problems.Add("proxy.dataset",
                $"unknown data set {ProblemList.Quoted(proxy.Dataset)}: name one of the catalog's ({string.Join(", ", ProxyDatasets.Names)}), not a path or URL");
        }

        Check(problems, "proxy.epochs", proxy.Epochs);
        Check(problems, "proxy.batch_size", proxy.BatchSize);
        if (proxy.TrainSubsetSize is { } subset)
        {
            Check(problems, "proxy.train_subset_size", subset);
        }

        Check(problems, "proxy.validation_fraction", proxy.ValidationFraction);
        if (!ProxySpec.Optimizers.Contains(proxy.Optimizer))
        {
            problems.Add("proxy.optimizer", UnknownOptimizer(proxy.Optimizer));
        }

        Check(problems, "proxy.learning_rate", proxy.LearningRate);
        Check(problems, "proxy.momentum", proxy.Momentum);
        Check(problems, "proxy.weight_decay", proxy.WeightDecay);
        Check(problems, "proxy.label_smoothing", proxy.LabelSmoothing);
        if (proxy.Dropout is { } dropout)
        {
            Check(problems, "proxy.dropout", dropout);
        }

        Check(problems, "proxy.stochastic_depth", proxy.StochasticDepth);
        Check(problems, "proxy.mixup_alpha", proxy.MixupAlpha);
        Check(problems, "proxy.ema_decay", proxy.EmaDecay);
        Check(problems, "proxy.seed", proxy.Seed);
    }

    private static void ValidateReward(RewardSpec reward, ProblemList problems)
    {
        Check(problems, "reward.latency_target_ms", reward.LatencyTargetMs);
        Check(problems, "reward.alpha", reward.Alpha);
        Check(problems, "reward.beta", reward.Beta);
    }

    private static void ValidateDnas(DnasSpec dnas, ProblemList problems)
    {
        ChoiceList("dnas.candidates", dnas.Candidates, problems, (path, name) =>
        {
            if (Supernet.SupernetCandidate.Problem(name) is { } problem)
            {
                problems.Add(path, problem);
            }
        }, name => name);
        if (dnas.Candidates is { Count: > 0 } candidates && candidates.All(c => c == Supernet.SupernetCandidate.SkipName))
        {
            problems.Add("dnas.candidates", "needs a candidate other than skip");
        }

        Check(problems, "dnas.epochs", dnas.Epochs);
        if (problems.InRange("dnas.warmup_epochs", dnas.WarmupEpochs, Range("dnas.warmup_epochs")) && dnas.WarmupEpochs >= dnas.Epochs)
        {
            problems.Add("dnas.warmup_epochs", $"must be below dnas.epochs so that θ trains at all (got {dnas.WarmupEpochs} of {dnas.Epochs})");
        }

        Check(problems, "dnas.initial_temperature", dnas.InitialTemperature);
        Check(problems, "dnas.temperature_decay", dnas.TemperatureDecay);
        Check(problems, "dnas.alpha", dnas.Alpha);
        Check(problems, "dnas.beta", dnas.Beta);
        Check(problems, "dnas.theta_learning_rate", dnas.ThetaLearningRate);
        Check(problems, "dnas.theta_weight_decay", dnas.ThetaWeightDecay);
        Check(problems, "dnas.samples", dnas.Samples);
        ChoiceList("dnas.widths", dnas.Widths, problems, InRange<double>(problems, "dnas.widths[]"), ChoiceText.Number);
        ChoiceList("dnas.resolutions", dnas.Resolutions, problems, InRange<int>(problems, "dnas.resolutions[]"), r => r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (dnas.Resolutions is { Count: > 0 } resolutions && !resolutions.Contains(1))
        {
            problems.Add("dnas.resolutions", "must include 1, the full input");
        }
    }

    private static void ValidateBnNas(BnNasSpec bnnas, ProblemList problems)
    {
        ChoiceList("bnnas.candidates", bnnas.Candidates, problems, (path, name) =>
        {
            if (Supernet.SupernetCandidate.Problem(name) is { } problem)
            {
                problems.Add(path, problem);
            }
            else if (name == Supernet.SupernetCandidate.SkipName)
            {
                problems.Add(path, "skip ends with no batch norm, and BN-NAS scores each candidate by its last batch norm: leave it out");
            }
        }, name => name);
        Check(problems, "bnnas.epochs", bnnas.Epochs);
        Check(problems, "bnnas.bn_share", bnnas.BnShare);
        if (bnnas.Training is not (BnNasSpec.BnTraining or BnNasSpec.FullTraining))
        {
            problems.Add("bnnas.training", $"must be {BnNasSpec.BnTraining} (only the batch norms train) or {BnNasSpec.FullTraining} (every weight, SPOS) (got '{bnnas.Training}')");
        }

        Check(problems, "bnnas.population", bnnas.Population);
        Check(problems, "bnnas.iterations", bnnas.Iterations);
        if (problems.InRange("bnnas.parents", bnnas.Parents, Range("bnnas.parents")) && bnnas.Parents >= bnnas.Population)
        {
            problems.Add("bnnas.parents", $"must be below bnnas.population, so that every generation breeds new subnets (got {bnnas.Parents} of {bnnas.Population})");
        }

        Check(problems, "bnnas.mutation_probability", bnnas.MutationProbability);
        Check(problems, "bnnas.samples", bnnas.Samples);
        CheckOptionalLimits(problems, "bnnas", bnnas.MaxLatencyMs, bnnas.MaxParams, bnnas.MaxMacs, bnnas.MaxPeakActivationBytes);
    }

    /// <summary>A section's optional limits (<c>max_latency_ms</c>, <c>max_params</c>, <c>max_macs</c>, <c>max_peak_activation_bytes</c>), each held to its range when given.</summary>
    private static void CheckOptionalLimits(ProblemList problems, string section, double? latency, long? parameters, long? macs, long? peak)
    {
        if (latency is { } ms)
        {
            Check(problems, section + ".max_latency_ms", ms);
        }

        if (parameters is { } count)
        {
            Check(problems, section + ".max_params", count);
        }

        if (macs is { } multiplyAdds)
        {
            Check(problems, section + ".max_macs", multiplyAdds);
        }

        if (peak is { } bytes)
        {
            Check(problems, section + ".max_peak_activation_bytes", bytes);
        }
    }
}
