namespace Mnas.SearchSpace.Contract;

/// <summary>
/// The one table of what every numeric field of a campaign accepts. The spec validator, the submission's settings, the
/// OpenAPI schema and the ranges table in docs/campaign-contract.md all come from it (a test keeps the docs equal to it).
/// Spec fields have paths relative to the spec (<c>proxy.epochs</c>); the submission's own settings have theirs at its
/// top (<c>children</c>, <c>seed</c>).
/// </summary>
public static class CampaignRanges
{
    /// <summary>2^53 − 1: the largest whole number every JSON reader (a JavaScript one included) holds exactly.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The longest campaign name (<c>name</c>): printable text, no control characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A device class (<c>target.device_class</c>, <c>proxy.device_class</c>), as workers advertise theirs: <c>cpu</c>, <c>cuda:a100</c>, <c>pixel-8</c>.</summary>
    public const string DeviceClassPattern = "^[A-Za-z0-9_:-]{1,64}$";

    /// <summary>How a refusal describes <see cref="DeviceClassPattern"/>.</summary>
    public const string DeviceClassRule = "must be 1 to 64 letters, digits, '-', '_' or ':'";

    /// <summary>The most values a searched recipe dimension may list (<c>fbnetv3.recipe.batch_size: {values: [32, 64]}</c>).</summary>
    public const int MaxRecipeValues = 64;

    /// <summary>A campaign id chosen by its submitter (<c>id</c>).</summary>
    public const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>The proxy task's fields, before <see cref="Spec"/> because the searched recipe's ranges are made from them.</summary>
    private static readonly FieldRange[] Proxy =
    [
        Integer("proxy.epochs", 1, 50, "MnasNet trains each child 5 epochs"),
        Integer("proxy.batch_size", 1, 1024, "images per training step"),
        Integer("proxy.train_subset_size", 1, 1_000_000, "training images used (null: the whole training part)"),
        Number("proxy.validation_fraction", 0, 1, "the share of the training part held out for scoring", minExclusive: true, maxExclusive: true),
        Number("proxy.learning_rate", 0, 10, "the optimiser's learning rate", minExclusive: true),
        Number("proxy.momentum", 0, 1, "SGD's and RMSProp's momentum", maxExclusive: true),
        Number("proxy.weight_decay", 0, 0.1, "weight decay (decoupled with adamw, L2 otherwise); MnasNet uses 4e-5"),
        Number("proxy.label_smoothing", 0, 1, "label smoothing of the loss", maxExclusive: true),
        Number("proxy.dropout", 0, 1, "the classifier's dropout while training (null: skeleton.dropout)", maxExclusive: true),
        Number("proxy.stochastic_depth", 0, 1, "the chance the last residual layer's branch is dropped for an image, earlier layers' less; 0 drops none",
            maxExclusive: true),
        Number("proxy.mixup_alpha", 0, 10, "mixup's α (each batch mixed with itself shuffled by λ ~ Beta(α, α)); 0 trains on the plain batch"),
        Number("proxy.ema_decay", 0, 1, "the decay of the weights' moving average that scores and keeps the child; 0 keeps none", maxExclusive: true),
        Integer("proxy.seed", 0, int.MaxValue, "the proxy task's split, subset and shuffling"),
    ];

    public static IReadOnlyList<FieldRange> Spec { get; } =
    [
        Items("search_space.ops", 1, 5, "the five known ops, each at most once"),
        Items("search_space.kernels", 1, 16, "at most 16 choices per decision keep the controller's heads small"),
        Integer("search_space.kernels[]", 1, 11, "odd sizes; beyond 11 a depthwise kernel is larger than most proxy images"),
        Items("search_space.se_ratios", 1, 16, "as kernels"),
        Number("search_space.se_ratios[]", 0, 1, "a squeeze-and-excitation ratio; 0 means none", maxExclusive: true),
        Items("search_space.skips", 1, 3, "the three known skips, each at most once"),
        Items("search_space.widths", 1, 16, "as kernels"),
        Number("search_space.widths[]", 0, 4, "a multiplier of the skeleton's channels; MnasNet uses 0.75 to 1.25", minExclusive: true),
        Items("search_space.layer_deltas", 1, 16, "as kernels"),
        Integer("search_space.layer_deltas[]", -16, 16, "added to a block's layers; the result is at least 1"),
        Integer("skeleton.stem_channels", 1, 4096, "channels of the stem convolution"),
        Integer("skeleton.stem_stride", 1, 2, "stride 1 or 2"),
        Items("skeleton.blocks", 1, 16, "sixteen blocks (96 decisions); MobileNetV2 has seven"),
        Integer("skeleton.blocks[].channels", 1, 4096, "a block's base channels"),
        Integer("skeleton.blocks[].layers", 1, 16, "a block's base layer count"),
        Integer("skeleton.blocks[].stride", 1, 2, "stride 1 or 2"),
        Integer("skeleton.head_channels", 1, 4096, "channels of the last 1×1 convolution"),
        Number("skeleton.dropout", 0, 1, "dropout before the classifier", maxExclusive: true),
        Integer("target.input.channels", 1, 4, "grey, RGB or RGBA images"),
        Integer("target.input.height", 8, 1024, "the deployment input; MnasNet searches at 224"),
        Integer("target.input.width", 8, 1024, "as height"),
        Integer("target.classes", 2, 100_000, "ImageNet has 1,000 classes, ImageNet-21k 21,841"),
        .. Proxy,
        Number("reward.latency_target_ms", 0, 60_000, "T in ACC·(LAT/T)^w, in milliseconds", minExclusive: true),
        Number("reward.alpha", -1, 0, "w when LAT ≤ T: −0.07 soft (MnasNet), 0 hard; below −1 latency outweighs accuracy"),
        Number("reward.beta", -1, 0, "w when LAT > T: −0.07 soft (MnasNet), −1 hard"),
        Number("reward.memory_lambda", 0, 1, "λ of the memory reward (kind memory) and of memnas: 1 weighs accuracy only, 0 memory only"),
        Number("reward.reference_accuracy", 0, 1, "a_ref of the memory reward: the accuracy its memory_reference network is taken to have",
            minExclusive: true),
        Items("dnas.candidates", 1, 16, "candidate blocks of every searchable layer; FBNet has nine"),
        Integer("dnas.epochs", 1, 200, "supernet epochs; FBNet trains 90 on ImageNet's proxy"),
        Integer("dnas.warmup_epochs", 0, 199, "first epochs that train the weights only; fewer than epochs"),
        Number("dnas.initial_temperature", 0, 100, "the Gumbel-softmax τ of the first epoch; FBNet uses 5", minExclusive: true),
        Number("dnas.temperature_decay", 0, 1, "τ's factor per epoch; FBNet uses 0.956", minExclusive: true),
        Number("dnas.alpha", 0, 10, "α in CE·α·(log LAT)^β; FBNet uses 0.2", minExclusive: true),
        Number("dnas.beta", 0, 10, "β in CE·α·(log LAT)^β; FBNet uses 0.6"),
        Number("dnas.theta_learning_rate", 0, 1, "Adam's learning rate on θ; FBNet uses 0.01", minExclusive: true),
        Number("dnas.theta_weight_decay", 0, 0.1, "weight decay on θ; FBNet uses 5e-4"),
        Integer("dnas.samples", 1, 100, "architectures drawn from P_θ and trained as children; FBNet draws 6"),
        Items("dnas.widths", 1, 8, "FBNetV2's channel choices per layer"),
        Number("dnas.widths[]", 0, 4, "a multiplier of a layer's channels", minExclusive: true),
        Items("dnas.resolutions", 1, 4, "FBNetV2's input resolution choices"),
        Integer("dnas.resolutions[]", 1, 8, "an input sub-sampling factor: 1 keeps every pixel, 2 every second"),
        Items("bnnas.candidates", 1, 16, "candidate blocks of every searchable layer, each ending with a batch norm (not skip)"),
        Integer("bnnas.epochs", 1, 200, "the supernet's epochs under full SPOS training; BN-only training runs bn_share of them"),
        Number("bnnas.bn_share", 0, 1, "the share of epochs BN-only training runs, at least one epoch; BN-NAS uses 0.1", minExclusive: true),
        Integer("bnnas.population", 2, 1_000, "subnets per generation of the evolution; BN-NAS uses 50"),
        Integer("bnnas.iterations", 1, 1_000, "generations of the evolution; BN-NAS uses 20"),
        Integer("bnnas.parents", 1, 999, "the best of a generation that breed the next; below the population"),
        Number("bnnas.mutation_probability", 0, 1, "the chance a mutation re-draws a layer's candidate", minExclusive: true),
        Integer("bnnas.samples", 1, 100, "the best subnets found, trained from scratch as children"),
        Number("bnnas.max_latency_ms", 0, 60_000, "a found subnet's latency limit by the lookup table; none given: reward.latency_target_ms", minExclusive: true),
        Integer("bnnas.max_params", 1, MaxSafeInteger, "a found subnet's parameter limit; none given: no limit"),
        Integer("bnnas.max_macs", 1, MaxSafeInteger, "a found subnet's multiply-add limit (one image); none given: no limit"),
        Integer("bnnas.max_peak_activation_bytes", 1, MaxSafeInteger, "a found subnet's peak activation limit (one image); none given: no limit"),
        Items("fbnetv3.recipe.optimizers", 1, 3, "the optimisers a child may train with (sgd, rmsprop, adamw), each at most once"),
        Recipe("learning_rate", "searched on a log scale, so a range's min is above 0"),
        Recipe("weight_decay", "searched on a log scale, so a range's min is above 0 (0 may be one of a list's values)"),
        Recipe("epochs", "whole numbers"),
        Recipe("batch_size", "whole numbers"),
        Recipe("label_smoothing", "searched linearly"),
        Recipe("dropout", "searched linearly"),
        Recipe("stochastic_depth", "searched linearly"),
        Recipe("mixup_alpha", "searched linearly"),
        Recipe("ema_decay", "searched linearly"),
        Integer("fbnetv3.hidden_units", 4, 1_024, "the accuracy predictor's hidden units per layer"),
        Integer("fbnetv3.pretrain_architectures", 1, 100_000, "random architectures whose parameters and multiply-adds (free labels) pretrain the predictor's encoder"),
        Integer("fbnetv3.pretrain_epochs", 1, 10_000, "epochs of the encoder's pretraining"),
        Integer("fbnetv3.predictor_epochs", 1, 10_000, "epochs the predictor fits the trained children after each round"),
        Integer("fbnetv3.frozen_epochs", 0, 9_999, "the first predictor epochs, with the encoder frozen; below predictor_epochs"),
        Number("fbnetv3.predictor_learning_rate", 0, 1, "the predictor's learning rate", minExclusive: true),
        Integer("fbnetv3.rounds", 1, 100, "rounds of the coarse stage"),
        Integer("fbnetv3.children_per_round", 1, 1_000, "children trained per round of the coarse stage"),
        Integer("fbnetv3.pool", 1, 100_000, "Sobol points a round picks its children from; at least children_per_round"),
        Integer("fbnetv3.population", 2, 10_000, "pairs per generation of the fine stage's evolution"),
        Integer("fbnetv3.top_k", 1, 10_000, "the best pairs of a generation, kept to breed the next; at most the population"),
        Number("fbnetv3.mutation_probability", 0, 1, "the chance a mutation re-draws one of a pair's choices", minExclusive: true),
        Integer("fbnetv3.max_iterations", 1, 10_000, "generations of the fine stage at most"),
        Number("fbnetv3.threshold", 0, 1, "the fine stage stops when a generation raises the best predicted accuracy by less than this"),
        Integer("fbnetv3.final_children", 0, 1_000, "the best pairs of the fine stage, trained as the campaign's last children"),
        Number("fbnetv3.max_latency_ms", 0, 60_000, "a pair's latency limit by the lookup table; none given: reward.latency_target_ms", minExclusive: true),
        Integer("fbnetv3.max_params", 1, MaxSafeInteger, "a pair's parameter limit; none given: no limit"),
        Integer("fbnetv3.max_macs", 1, MaxSafeInteger, "a pair's multiply-add limit (one image); none given: no limit"),
        Integer("fbnetv3.max_peak_activation_bytes", 1, MaxSafeInteger, "a pair's peak activation limit (one image); none given: no limit"),
        Integer("memnas.rounds", 1, 1_000, "grow-and-trim rounds at most"),
        Integer("memnas.top_k", 1, 1_000, "a round's candidates trained as children, the ranking controller's best"),
        Integer("memnas.patience", 1, 1_000, "rounds in a row without a better base before the search stops"),
        Integer("memnas.hidden_units", 4, 1_024, "the ranking controller's hidden units (its encoder RNN and its ranking RNN)"),
        Integer("memnas.controller_epochs", 1, 10_000, "epochs the controller fits the trained candidates after each round"),
        Number("memnas.controller_learning_rate", 0, 1, "the controller's learning rate", minExclusive: true),
    ];

    public static IReadOnlyList<FieldRange> Submission { get; } =
    [
        Integer("children", 1, 10_000, "children to evaluate"),
        Number("hours", 0, 720, "wall-clock budget; 720 hours is 30 days", minExclusive: true),
        Integer("minibatch", 1, 1_000, "finished children per controller update"),
        Integer("seed", 0, MaxSafeInteger, "the controller's seed; at most 2^53 − 1, which every JSON client holds exactly"),
    ];

    /// <summary>Whether <paramref name="text"/> is a device class: <see cref="DeviceClassPattern"/>, with nothing after it.</summary>
    public static bool IsDeviceClass(string? text) =>
        text is { Length: >= 1 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');

    /// <summary>Whether <paramref name="text"/> is a campaign id: <see cref="IdPattern"/>, with nothing after it.</summary>
    public static bool IsCampaignId(string? text) =>
        text is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(text[0]) &&
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Every range: the spec's (under <c>spec.</c>) and the submission's.</summary>
    public static IEnumerable<FieldRange> All => Spec.Select(r => r with { Path = "spec." + r.Path }).Concat(Submission);

    /// <summary>The range of a spec field (<c>proxy.epochs</c>, <c>skeleton.blocks[].layers</c>).</summary>
    public static FieldRange ForSpec(string path) => Find(Spec, path);

    /// <summary>The range of a submission setting (<c>children</c>).</summary>
    public static FieldRange ForSubmission(string path) => Find(Submission, path);

    private static FieldRange Find(IReadOnlyList<FieldRange> ranges, string path) =>
        ranges.FirstOrDefault(r => r.Path == path) ?? throw new KeyNotFoundException($"no range for '{path}'");

    /// <summary>
    /// A searched recipe dimension (<c>fbnetv3.recipe.learning_rate</c>): a range's min and max and a list's values are each
    /// held to the range of the proxy field of the same name, which the chosen value becomes.
    /// </summary>
    private static FieldRange Recipe(string name, string scale) =>
        Find(Proxy, "proxy." + name) with
        {
            Path = "fbnetv3.recipe." + name, Reason = $"a range's min and max and a list's values, each as proxy.{name}; {scale}",
        };

    private static FieldRange Integer(string path, long min, long max, string reason) => new(path, RangeKind.Integer, min, max, reason);

    private static FieldRange Items(string path, int min, int max, string reason) => new(path, RangeKind.Items, min, max, reason);

    private static FieldRange Number(string path, double min, double max, string reason, bool minExclusive = false, bool maxExclusive = false) =>
        new(path, RangeKind.Number, min, max, reason, minExclusive, maxExclusive);
}
