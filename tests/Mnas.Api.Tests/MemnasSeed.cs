using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Store;

namespace Mnas.Api.Tests;

/// <summary>
/// A memnas campaign written straight into a test's store as its coordinator would have left it: MobileNetV2 on the
/// default space as the first base (child 1), a round growing and trimming it (children 2 and 3 trained, a third candidate
/// not), the trim becoming the next base, and a round growing that (child 4 trained and worse; child 5 failed). Child 2 is
/// more accurate than the first base with fewer layers, and child 4 less accurate than child 2 with more: both are off the
/// accuracy × memory front, which holds 2 and 3.
/// </summary>
internal sealed class MemnasSeed(ICampaignStore store)
{
    public static CampaignSpec Spec { get; } = new() { Name = "memnas-seed" };

    public static ModelSpace Space { get; } = new(Spec);

    public static Sample FirstBase { get; } = NamedSamples.Resolve(Space, NamedSamples.MobileNetV2);

    /// <summary>The first base with one layer of block 2 less.</summary>
    public static Sample TrimmedB2 { get; } = Shift(FirstBase, d => d.Name == "b2.layers", -1);

    /// <summary>The first base with every block one width step wider.</summary>
    public static Sample Widened { get; } = Shift(FirstBase, d => d.Kind == DecisionKind.Width, +1);

    /// <summary>The first base with block 3's skip edge removed (a candidate that did not train).</summary>
    public static Sample SkipTrimmed { get; } = Shift(FirstBase, d => d.Name == "b3.skip", -1);

    /// <summary>The second base (<see cref="TrimmedB2"/>) one layer deeper in every block.</summary>
    public static Sample Deepened { get; } = Shift(TrimmedB2, d => d.Kind == DecisionKind.Layers, +1);

    /// <summary>The second base with block 3's skip edge removed: child 5, which failed.</summary>
    public static Sample SecondSkipTrimmed { get; } = Shift(TrimmedB2, d => d.Name == "b3.skip", -1);

    /// <summary>The children by sequence: their samples and, for the done ones, accuracy (null: failed).</summary>
    public static IReadOnlyList<(long Sequence, Sample Sample, double? Accuracy)> Children { get; } =
    [
        (1, FirstBase, 0.75),
        (2, TrimmedB2, 0.8125),
        (3, Widened, 0.875),
        (4, Deepened, 0.6875),
        (5, SecondSkipTrimmed, null),
    ];

    /// <summary>What <see cref="RecordRoundsAsync"/> records, in order.</summary>
    public static IReadOnlyList<SearchRound> Rounds { get; } =
    [
        new(1, SearchRound.BaseTrained) { Base = Network(1) },
        new(2, SearchRound.GrowTrim)
        {
            Iteration = 1,
            Base = Network(1),
            Candidates =
            [
                Candidate("trim b2 layer", TrimmedB2, 0.5, 1) with { Sequence = 2, Accuracy = 0.8125, Measured = 0.0625, MeasuredRank = 1 },
                Candidate("grow width", Widened, 0.25, 2) with { Sequence = 3, Accuracy = 0.875, Measured = -0.03125, MeasuredRank = 2 },
                Candidate("trim b3 skip", SkipTrimmed, 0.125, 3),
            ],
            NextBase = Network(2),
            ControllerLoss = 0.0625,
            RankedBy = "prior",
            KendallTau = 1.0,
        },
        new(3, SearchRound.GrowTrim)
        {
            Iteration = 2,
            Base = Network(2),
            Candidates =
            [
                Candidate("grow layers", Deepened, 0.375, 1) with { Sequence = 4, Accuracy = 0.6875, Measured = -0.25, MeasuredRank = 1 },
                Candidate("trim b3 skip", SecondSkipTrimmed, 0.25, 2) with { Sequence = 5 },
            ],
            ControllerLoss = 0.03125,
            RankedBy = "controller",
        },
    ];

    /// <summary>The memory of a sample's target view, as the campaign costs it.</summary>
    public static MemoryFootprint Memory(Sample sample) => MemoryFootprint.Of(Space.Freeze(sample));

    public Task CreateAsync(string id, string owner = "") =>
        store.CreateCampaignAsync(new Campaign(id, id, CampaignSpecWriter.ToJson(Spec), new CampaignSettings(PredictorStrategies.Memnas).ToJson(), 7,
            CampaignStatus.Running, TestApi.Start, owner));

    /// <summary>Adds <see cref="Children"/>, done with their accuracy or failed.</summary>
    public async Task AddChildrenAsync(string id)
    {
        foreach (var (sequence, sample, accuracy) in Children)
        {
            var child = await store.AddChildAsync(new Child(id, sequence, sample.Canonical, sample.ToTokens(), 0, 0, ChildStatus.Sampled, 1, null, null,
                null, TestApi.Start));
            var memory = Memory(sample);
            await store.UpdateChildAsync(accuracy is { } a
                ? child with
                {
                    Status = ChildStatus.Done,
                    Metrics = new ChildMetrics(a, 10.0 + sequence, memory.ParamBytes / 4, 1_000_000, memory.PeakActivationBytes, 2.0),
                    Reward = a,
                    UpdatedAt = TestApi.Start.AddMinutes(sequence),
                }
                : child with { Status = ChildStatus.Failed, FailureReason = "diverged", UpdatedAt = TestApi.Start.AddMinutes(sequence) });
        }
    }

    /// <summary>Records <see cref="Rounds"/>, round n at the start plus n minutes (without their events).</summary>
    public async Task RecordRoundsAsync(string id)
    {
        foreach (var round in Rounds)
        {
            await store.RecordSearchRoundAsync(new SearchRoundRecord(id, round.Round, round.Stage, round.ToJson(), TestApi.Start.AddMinutes(round.Round)));
        }
    }

    private static MemnasNetwork Network(long sequence)
    {
        var (_, sample, accuracy) = Children.Single(c => c.Sequence == sequence);
        var memory = Memory(sample);
        return new MemnasNetwork(sequence, sample.Canonical, accuracy!.Value, memory.ParamBytes, memory.PeakActivationBytes);
    }

    private static MemnasCandidate Candidate(string operation, Sample sample, double predicted, int rank)
    {
        var memory = Memory(sample);
        return new MemnasCandidate(operation, sample.Canonical, memory.ParamBytes, memory.PeakActivationBytes, predicted, rank);
    }

    // The sample with each decision matching moved by `step` choices (the default space orders layer deltas and widths upwards, skips none first).
    private static Sample Shift(Sample sample, Func<Decision, bool> which, int step) =>
        Space.Create(Space.Decisions.ToDictionary(d => d.Name, d => which(d) ? sample[d.Name] + step : sample[d.Name]));
}
