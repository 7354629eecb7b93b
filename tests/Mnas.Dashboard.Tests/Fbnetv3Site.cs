using System.Globalization;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Spec;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// An fbnetv3 campaign as the store keeps it, behind the real API and its dashboard, and a headless Chromium to look at it:
/// the steps of its search (<see cref="Steps"/>: pretraining, two coarse rounds, two fine iterations, the final children),
/// its children named with their recipes and done, a latency table; another fbnetv3 campaign still in its coarse stage
/// (<see cref="Live"/>); and an rl campaign beside them. No campaign runtime: what
/// the page shows comes from the store, written through its own methods.
/// </summary>
public sealed class Fbnetv3Site() : SeededSite("mnas-fbnetv3-")
{
    public const string Campaign = "v3-searched";

    /// <summary>An fbnetv3 campaign in its coarse stage: the first <see cref="LiveStepsAtStart"/> steps (a test records more).</summary>
    public const string Live = "v3-live";

    public const int LiveStepsAtStart = 3;
    public const string Reinforced = "rl-beside";

    /// <summary>The recipes the children train by, one per child in turn; every number prints the same in C# and JavaScript.</summary>
    public static IReadOnlyList<Recipe> Recipes { get; } =
    [
        new("sgd", 0.05, 0.0005, 3, 64, 0.1, 0.2, 0.05, 0, 0),
        new("adamw", 0.0021, 0.05, 5, 32, 0, 0.15, 0, 0.2, 0.999),
        new("rmsprop", 0.016, 0.0001, 4, 128, 0.05, 0.1, 0.1, 0.4, 0.9998),
    ];

    /// <summary>The children: 1–4 in the coarse rounds, 5–6 the final ones.</summary>
    public const int Children = 6;

    public static string Name(long sequence) =>
        RecipeChildName.Of($"b1.op=mbconv6 b1.kernel={3 + 2 * (sequence % 2)} b2.layers={sequence % 3}", RecipeOf(sequence));

    public static Recipe RecipeOf(long sequence) => Recipes[(int)((sequence - 1) % Recipes.Count)];

    /// <summary>Child <paramref name="sequence"/>'s measured accuracy.</summary>
    public static double Measured(long sequence) => 0.5 + 0.0625 * sequence;

    /// <summary>The steps of the search, in order: the first coarse round picked before the predictor was fitted predicts nothing.</summary>
    public static IReadOnlyList<SearchRound> Steps { get; } =
    [
        new(1, SearchRound.Pretrain) { PretrainLoss = 0.0125 },
        new(2, SearchRound.Coarse) { Iteration = 1, Points = [Point(1, null), Point(2, null)], FittedOn = 2 },
        new(3, SearchRound.Coarse)
        {
            Iteration = 2, Points = [Point(3, 0.875), Point(4, 0.75)], KendallTau = -1.0, FittedOn = 4, BestPredicted = 0.875, MeanPredicted = 0.8125,
        },
        new(4, SearchRound.Fine) { Iteration = 1, BestPredicted = 0.8, MeanPredicted = 0.7, Feasible = 12, Rejected = 4, FittedOn = 4 },
        new(5, SearchRound.Fine) { Iteration = 2, BestPredicted = 0.825, MeanPredicted = 0.75, Feasible = 14, Rejected = 2, FittedOn = 4 },
        new(6, SearchRound.Final)
        {
            Points = [Point(5, 0.8125), Point(6, 0.84375)], KendallTau = 1.0, FittedOn = 6, BestPredicted = 0.84375, MeanPredicted = 0.828125,
        },
    ];

    public const int LatencyEntries = 7;

    protected override async Task SeedAsync()
    {
        await CreateAsync(Reinforced, "rl");
        await Store.AddChildAsync(new Child(Reinforced, 1, "b1.op=mbconv6 b1.kernel=3", [1], -0.5, 1, ChildStatus.Sampled, 1, null, null, null, DateTimeOffset.UtcNow));

        await CreateAsync(Live, PredictorStrategies.Fbnetv3);
        foreach (var step in Steps.Take(LiveStepsAtStart))
        {
            await RecordAsync(Live, step);
        }

        await CreateAsync(Campaign, PredictorStrategies.Fbnetv3);
        for (var sequence = 1L; sequence <= Children; sequence++)
        {
            var child = await Store.AddChildAsync(new Child(Campaign, sequence, Name(sequence), [(int)sequence], 0, 0, ChildStatus.Sampled, 1, null, null, null,
                DateTimeOffset.UtcNow));
            await Store.UpdateChildAsync(child with
            {
                Status = ChildStatus.Done, Metrics = new ChildMetrics(Measured(sequence), 4.0 + sequence, 50_000, 2_000_000, 65_536, 3.0),
                Reward = Measured(sequence), UpdatedAt = DateTimeOffset.UtcNow,
            });
        }

        foreach (var step in Steps)
        {
            await RecordAsync(Campaign, step);
        }

        await Store.AddLatencyEntriesAsync(Campaign,
            Enumerable.Range(1, LatencyEntries).ToDictionary(i => $"op-{i}", i => 0.25 * i));

    }

    /// <summary>Records a step of a campaign's search and appends the <c>search</c> event the campaign engine would.</summary>
    public async Task RecordAsync(string campaign, SearchRound step)
    {
        await Store.RecordSearchRoundAsync(new SearchRoundRecord(campaign, step.Round, step.Stage, step.ToJson(), DateTimeOffset.UtcNow));
        await Store.AppendEventAsync(campaign, "search",
            string.Create(CultureInfo.InvariantCulture, $"step {step.Round}: {step.Stage}, best predicted {step.BestPredicted:F4}"), DateTimeOffset.UtcNow);
    }

    private static PredictedPoint Point(long sequence, double? predicted) => new(sequence, Name(sequence), predicted, Measured(sequence));

    private Task CreateAsync(string id, string strategy) => CreateCampaignAsync(id, strategy, new CampaignSpec { Name = id });
}
