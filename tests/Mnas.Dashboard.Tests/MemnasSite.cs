using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Mnas.Api;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Sqlite;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// A memnas campaign as the store keeps it, behind the real API and its dashboard, and a headless Chromium to look at it:
/// MobileNetV2 on the default space as the first base (child 1), a round trimming and growing it (children 2 and 3 trained,
/// a third candidate not; the trim the next base), and a round trimming and growing that (children 4 and 5 trained; child 5,
/// a further trim, the next base) — <see cref="Rounds"/>; another memnas campaign with the same children whose last round
/// is not recorded yet (<see cref="Live"/>); and an rl campaign beside them. No campaign runtime: what the page shows comes
/// from the store, written through its own methods.
/// </summary>
public sealed class MemnasSite : IAsyncLifetime
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

    private string directory = null!;
    private SqliteCampaignStore store = null!;
    private WebApplication api = null!;
    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's address, ending in <c>/</c>.</summary>
    public string Url { get; private set; } = null!;

    public string OperatorKey { get; private set; } = null!;

    public static MemoryFootprint Memory(Sample sample) => MemoryFootprint.Of(Space.Freeze(sample));

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("mnas-memnas-").FullName;
        store = SqliteCampaignStore.InDirectory(directory);
        api = ApiServer.Create(new ApiOptions { Listen = "http://127.0.0.1:0" }, store);
        await api.StartAsync();
        Url = api.Urls.First().TrimEnd('/') + "/";
        OperatorKey = (await ApiKeys.CreateAsync(store, "browser-operator", ApiRole.Operator)).Plaintext;

        await CreateAsync(Reinforced, "rl");
        await store.AddChildAsync(new Child(Reinforced, 1, FirstBase.Canonical, FirstBase.ToTokens(), -0.5, 1, ChildStatus.Sampled, 1, null, null, null,
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

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DashboardSite.Chromium, Headless = true });
    }

    /// <summary>Records a round of a campaign's search and appends the <c>search</c> event the campaign engine would.</summary>
    public async Task RecordAsync(string campaign, SearchRound round)
    {
        await store.RecordSearchRoundAsync(new SearchRoundRecord(campaign, round.Round, round.Stage, round.ToJson(), DateTimeOffset.UtcNow));
        await store.AppendEventAsync(campaign, "search",
            string.Create(CultureInfo.InvariantCulture, $"step {round.Round}: {round.Stage} round {round.Iteration}"), DateTimeOffset.UtcNow);
    }

    private async Task AddChildrenAsync(string campaign)
    {
        foreach (var (sequence, sample, accuracy) in Children)
        {
            var child = await store.AddChildAsync(new Child(campaign, sequence, sample.Canonical, sample.ToTokens(), 0, 0, ChildStatus.Sampled, 1, null,
                null, null, DateTimeOffset.UtcNow));
            var memory = Memory(sample);
            await store.UpdateChildAsync(child with
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

    private Task CreateAsync(string id, string strategy) =>
        store.CreateCampaignAsync(new Campaign(id, id, CampaignSpecWriter.ToJson(Spec with { Name = id }),
            new CampaignSettings(strategy, MaxChildren: 10).ToJson(), 3, CampaignStatus.Running, DateTimeOffset.UtcNow));

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await api.DisposeAsync();
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
