using System.Numerics;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Space;

/// <summary>
/// The search space a <see cref="CampaignSpec"/> describes, as an ordered list of decisions: for each block i
/// (1-based) <c>b{i}.op</c>, <c>b{i}.kernel</c>, <c>b{i}.se</c>, <c>b{i}.skip</c>, <c>b{i}.width</c>,
/// <c>b{i}.layers</c>. This order is the controller's token order. <see cref="Freeze"/> turns a
/// <see cref="Sample"/> into the concrete <see cref="Architecture"/>.
/// </summary>
/// <remarks>Not called <c>SearchSpace</c>: a type named like its namespace <c>Mnas.SearchSpace</c> could not be
/// named from code in other <c>Mnas.*</c> namespaces without qualification.</remarks>
public sealed class ModelSpace
{
    private static readonly string[] KindNames = ["op", "kernel", "se", "skip", "width", "layers"];

    private readonly (ConvOp Op, int Expansion)[] ops;
    private readonly SkipOp[] skips;
    private readonly Activation activation;
    private readonly Dictionary<string, int> positions;

    /// <summary>Builds the space; throws a <see cref="Validation.SpecException"/> when the spec is invalid.</summary>
    public ModelSpace(CampaignSpec spec)
        : this(spec, validate: true)
    {
    }

    private ModelSpace(CampaignSpec spec, bool validate)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (validate)
        {
            CampaignSpecValidator.Instance.ThrowIfInvalid(spec);
        }
        Spec = spec;
        var choices = spec.SearchSpace;
        ops = choices.Ops.Select(name => OpNames.TryParse(name, out var op, out var expansion) ? (op, expansion) : default).ToArray();
        skips = choices.Skips.Select(name => EnumNames<SkipOp>.TryParse(name, out var skip) ? skip : default).ToArray();
        EnumNames<Activation>.TryParse(spec.Skeleton.Activation, out activation);

        var lists = new IReadOnlyList<string>[]
        {
            choices.Ops.ToArray(),
            choices.Kernels.Select(ChoiceText.Kernel).ToArray(),
            choices.SeRatios.Select(ChoiceText.Number).ToArray(),
            choices.Skips.ToArray(),
            choices.Widths.Select(ChoiceText.Number).ToArray(),
            choices.LayerDeltas.Select(ChoiceText.LayerDelta).ToArray(),
        };
        Decisions = Enumerable.Range(1, spec.Skeleton.Blocks.Count)
            .SelectMany(block => Enum.GetValues<DecisionKind>().Select(kind =>
                new Decision($"b{block}.{KindNames[(int)kind]}", block, kind, lists[(int)kind])))
            .ToArray();
        positions = Decisions.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        Size = Decisions.Aggregate(BigInteger.One, (size, d) => size * d.Choices.Count);
    }

    /// <summary>The space of a spec whose search space, skeleton and target the validator has already found sound, for
    /// checks of the validator's own that need the space (a named sample of a section).</summary>
    internal static ModelSpace Unchecked(CampaignSpec spec) => new(spec, validate: false);

    public CampaignSpec Spec { get; }

    /// <summary>Every decision, block by block, in token order.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The number of distinct samples: the product of the choice counts (540^7 for the default spec).</summary>
    public BigInteger Size { get; }

    public Decision GetDecision(string name) =>
        positions.TryGetValue(name, out var i) ? Decisions[i] : throw new KeyNotFoundException($"unknown decision '{name}'");

    /// <summary>Every decision chosen uniformly at random.</summary>
    public Sample Random(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Build(Decisions.Select(d => rng.Next(d.Choices.Count)).ToArray());
    }

    /// <summary>The sample with these choice indices, one per decision in <see cref="Decisions"/> order.</summary>
    public Sample FromTokens(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count != Decisions.Count)
        {
            throw new ArgumentException($"expected {Decisions.Count} tokens (one per decision), got {tokens.Count}", nameof(tokens));
        }

        var problems = Decisions.Select((d, i) => OutOfRange(d, tokens[i])).OfType<string>().ToArray();
        return problems.Length > 0 ? throw new ArgumentException(string.Join("; ", problems), nameof(tokens)) : Build(tokens);
    }

    /// <summary>The sample with these choices (decision name → choice index); every decision must be given.</summary>
    public Sample Create(IReadOnlyDictionary<string, int> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var problems = choices.Keys.Where(name => !positions.ContainsKey(name)).Select(name => $"unknown decision '{name}'").ToList();
        var tokens = new int[Decisions.Count];
        for (var i = 0; i < Decisions.Count; i++)
        {
            var decision = Decisions[i];
            if (!choices.TryGetValue(decision.Name, out tokens[i]))
            {
                problems.Add($"{decision.Name}: missing choice");
            }
            else if (OutOfRange(decision, tokens[i]) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems.Count > 0 ? throw new ArgumentException(string.Join("; ", problems), nameof(choices)) : Build(tokens);
    }

    /// <summary>
    /// Reads a sample written as <c>decision=value</c> pairs separated by spaces, as <see cref="Sample.Canonical"/>
    /// writes it (any order). Throws a <see cref="FormatException"/> naming every bad, unknown, repeated or
    /// missing decision.
    /// </summary>
    public Sample Parse(string text) => Build(SampleParser.Tokens(this, text));

    /// <summary>
    /// The architecture a sample stands for. Per block i with skeleton (channels c, layers n, stride s):
    /// op and expansion from <c>b{i}.op</c>; kernel, SE ratio and skip copied; channels =
    /// <see cref="ChannelRounding.MakeDivisible"/>(c × width, 8); layers = max(1, n + delta); stride = s. Stem, head,
    /// activation and dropout come from the skeleton, input and classes from the spec's target, and the name is
    /// the sample's canonical string. A sample that lacks a decision of this space, or has one this space does
    /// not (a sample of another space), is rejected naming the decision.
    /// </summary>
    public Architecture Freeze(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var tokens = TokensOf(sample);
        var choices = Spec.SearchSpace;
        var skeleton = Spec.Skeleton;
        var blocks = skeleton.Blocks.Select((b, i) =>
        {
            int Chosen(DecisionKind kind) => tokens[i * KindNames.Length + (int)kind];
            var (op, expansion) = ops[Chosen(DecisionKind.Op)];
            return new BlockSpec(
                op,
                expansion,
                choices.Kernels[Chosen(DecisionKind.Kernel)],
                choices.SeRatios[Chosen(DecisionKind.Se)],
                skips[Chosen(DecisionKind.Skip)],
                ChannelRounding.MakeDivisible(b.Channels * choices.Widths[Chosen(DecisionKind.Width)]),
                Math.Max(1, b.Layers + choices.LayerDeltas[Chosen(DecisionKind.Layers)]),
                b.Stride);
        }).ToArray();
        return new Architecture(
            sample.Canonical, Spec.Target.Input, Spec.Target.Classes, skeleton.StemChannels, skeleton.StemStride, blocks,
            skeleton.HeadChannels, activation, skeleton.Dropout);
    }

    /// <summary>The sample's indices in this space's decision order, checking it belongs to this space.</summary>
    private int[] TokensOf(Sample sample)
    {
        var problems = sample.Choices.Where(c => !positions.ContainsKey(c.Decision)).Select(c => $"unknown decision '{c.Decision}'").ToList();
        var given = sample.Choices.ToDictionary(c => c.Decision, StringComparer.Ordinal);
        var tokens = new int[Decisions.Count];
        for (var i = 0; i < Decisions.Count; i++)
        {
            var decision = Decisions[i];
            if (!given.TryGetValue(decision.Name, out var choice))
            {
                problems.Add($"{decision.Name}: missing choice");
            }
            else if (OutOfRange(decision, choice.Index) is { } problem)
            {
                problems.Add(problem);
            }
            else if (decision.Choices[choice.Index] != choice.Value)
            {
                problems.Add($"{decision.Name}: choice {choice.Index} is '{decision.Choices[choice.Index]}' in this space, not '{choice.Value}'");
            }
            else
            {
                tokens[i] = choice.Index;
            }
        }

        return problems.Count > 0
            ? throw new ArgumentException($"the sample does not belong to this space: {string.Join("; ", problems)}", nameof(sample))
            : tokens;
    }

    internal bool TryGetPosition(string decision, out int position) => positions.TryGetValue(decision, out position);

    private static string? OutOfRange(Decision decision, int index) =>
        index >= 0 && index < decision.Choices.Count
            ? null
            : $"{decision.Name}: choice index {index} out of range (0..{decision.Choices.Count - 1})";

    private Sample Build(IReadOnlyList<int> tokens) =>
        new(Decisions.Select((d, i) => new Choice(d.Name, tokens[i], d.Choices[tokens[i]])).ToArray());
}
