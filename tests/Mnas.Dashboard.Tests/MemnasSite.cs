using System.Globalization;
using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// A memnas campaign as the store keeps it, behind the real API and its dashboard, and a headless Chromium to look at it:
/// MobileNetV2 on the default space as the first base (child 1), a round trimming and growing it (children 2 and 3 trained,
/// a third candidate not; the trim the next base), and a round trimming and growing that (children 4 and 5 trained; child 5,
/// a further trim, the next base) — <see cref="Rounds"/>; another memnas campaign with the same children whose last round
/// is not recorded yet (<see cref="Live"/>); and an rl campaign beside them. No campaign runtime: what the page shows comes
/// from the store, written through its own methods.
/// </summary>
public sealed class MemnasSite() : SeededSite("mnas-memnas-")
{
    public const string Campaign = "memnas-searched";

    /// <summary>A memnas campaign with the first <see cref="LiveRoundsAtStart"/> rounds recorded (a test records the last).</summary>
    public const string Live = "memnas-live";

    public const int LiveRoundsAtStart = 2;
    public const string Reinforced = "rl-beside-memnas";

    public static CampaignSpec Spec { get; } = new() { Name = "memnas-site" };

    public static ModelSpace Space { get; } = new(Spec);

    public static Sample FirstBase { get; } = NamedSamples.Resolve(Space, NamedSamples.MobileNetV2);

    public static Sample TrimmedB2 { get; } = Shift(FirstBase, d => d.Name == "b2.layers", -1);

    public static Sample Widened { get; } = Shift(FirstBase, d => d.Kind == DecisionKind.Width, +1);

    public static Sample SkipTrimmed { get; } = Shift(FirstBase, d => d.Name == "b3.skip", -1);

    public static Sample Deepened { get; } = Shift(TrimmedB2, d => d.Kind == DecisionKind.Layers, +1);

    /// <summary>The second base with one layer of block 4 less: the third base.</summary>
    public static Sample TrimmedB4 { get; } = Shift(TrimmedB2, d => d.Name == "b4.layers", -1);

    public static Sample SecondSkipTrimmed { get; } = Shift(TrimmedB2, d => d.Name == "b3.skip", -1);

    /// <summary>Every child, done, with its sample and accuracy (every number prints the same in C# and JavaScript).</summary>
    public static IReadOnlyList<(long Sequence, Sample Sample, double Accuracy)> Children { get; } =
    [
        (1, FirstBase, 0.75),
        (2, TrimmedB2, 0.8125),
        (3, Widened, 0.875),
        (4, Deepened, 0.6875),
        (5, TrimmedB4, 0.84375),
    ];

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
                Candidate("grow width", Widened, 0.25, 2) with { Sequence = 3, Accuracy = 0.875, Measured = -0.046875, MeasuredRank = 2 },
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
            // The controller ranks the deepened network first, but the further trim measures better: τ −1.
            Candidates =
            [
                Candidate("trim b3 skip", SecondSkipTrimmed, 0.0625, 3),
                Candidate("grow layers", Deepened, 0.375, 1) with { Sequence = 4, Accuracy = 0.6875, Measured = -0.25, MeasuredRank = 2 },
                Candidate("trim b4 layer", TrimmedB4, 0.25, 2) with { Sequence = 5, Accuracy = 0.84375, Measured = 0.125, MeasuredRank = 1 },
            ],
            NextBase = Network(5),
            ControllerLoss = 0.03125,
            RankedBy = "controller",
            KendallTau = -1.0,
        },
    ];

    public static MemoryFootprint Memory(Sample sample) => MemoryFootprint.Of(Space.Freeze(sample));

    protected override async Task SeedAsync()
    {
        await CreateAsync(Reinforced, "rl");
        await Store.AddChildAsync(new Child(Reinforced, 1, FirstBase.Canonical, FirstBase.ToTokens(), -0.5, 1, ChildStatus.Sampled, 1, null, null, null,
            DateTimeOffset.UtcNow));

        foreach (var (campaign, rounds) in new[] { (Live, LiveRoundsAtStart), (Campaign, Rounds.Count) })
        {
            await CreateAsync(campaign, PredictorStrategies.Memnas);
            await AddChildrenAsync(campaign);
            foreach (var round in Rounds.Take(rounds))
            {
                await RecordAsync(campaign, round);
            }
        }

    }

    /// <summary>Records a round of a campaign's search and appends the <c>search</c> event the campaign engine would.</summary>
    public async Task RecordAsync(string campaign, SearchRound round)
    {
        await Store.RecordSearchRoundAsync(new SearchRoundRecord(campaign, round.Round, round.Stage, round.ToJson(), DateTimeOffset.UtcNow));
        await Store.AppendEventAsync(campaign, "search",
            string.Create(CultureInfo.InvariantCulture, $"step {round.Round}: {round.Stage} round {round.Iteration}"), DateTimeOffset.UtcNow);
    }

    private async Task AddChildrenAsync(string campaign)
    {
        foreach (var (sequence, sample, accuracy) in Children)
        {
            var child = await Store.AddChildAsync(new Child(campaign, sequence, sample.Canonical, sample.ToTokens(), 0, 0, ChildStatus.Sampled, 1, null,
                null, null, DateTimeOffset.UtcNow));
            var memory = Memory(sample);
            await Store.UpdateChildAsync(child with
            {
                Status = ChildStatus.Done,
                Metrics = new ChildMetrics(accuracy, 4.0 + sequence, memory.ParamBytes / 4, 2_000_000, memory.PeakActivationBytes, 3.0),
                Reward = accuracy,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
    }

    private static MemnasNetwork Network(long sequence)
    {
        var (_, sample, accuracy) = Children.Single(c => c.Sequence == sequence);
        var memory = Memory(sample);
        return new MemnasNetwork(sequence, sample.Canonical, accuracy, memory.ParamBytes, memory.PeakActivationBytes);
    }

    private static MemnasCandidate Candidate(string operation, Sample sample, double predicted, int rank)
    {
        var memory = Memory(sample);
        return new MemnasCandidate(operation, sample.Canonical, memory.ParamBytes, memory.PeakActivationBytes, predicted, rank);
    }

    // The sample with each matching decision moved by `step` choices (the default space orders layer deltas and widths upwards, skips none first).
    private static Sample Shift(Sample sample, Func<Decision, bool> which, int step) =>
        Space.Create(Space.Decisions.ToDictionary(d => d.Name, d => which(d) ? sample[d.Name] + step : sample[d.Name]));

    private Task CreateAsync(string id, string strategy) => CreateCampaignAsync(id, strategy, Spec with { Name = id });
}
