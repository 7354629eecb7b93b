using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.Store;

namespace Mnas.Api.Tests;

/// <summary>
/// An fbnetv3 campaign written straight into a test's store as its coordinator would have left it: the steps of its search
/// (pretraining, two coarse rounds, two fine iterations) and children named with their recipes.
/// </summary>
internal sealed class Fbnetv3Seed(ICampaignStore store)
{
    public static readonly Recipe Sgd = new("sgd", 0.05, 4e-5, 3, 64, 0.1, 0.2, 0.05, 0.0, 0.0);

    public static readonly Recipe AdamW = new("adamw", 0.0021, 0.05, 5, 32, 0.0, 0.15, 0.0, 0.2, 0.999);

    public static string Name(long sequence, Recipe recipe) => RecipeChildName.Of($"b1.op=mbconv b1.kernel={3 + 2 * (sequence % 2)} b1.layers={sequence}", recipe);

    /// <summary>The steps <see cref="RecordStepsAsync"/> records, in order.</summary>
    public static IReadOnlyList<SearchRound> Steps { get; } =
    [
        new(1, SearchRound.Pretrain) { PretrainLoss = 0.0125 },
        new(2, SearchRound.Coarse)
        {
            // Picked before the predictor was fitted: nothing predicted.
            Iteration = 1, Points = [new(1, Name(1, Sgd), null, 0.5), new(2, Name(2, AdamW), null, 0.625), new(3, Name(3, Sgd), null, null)],
            KendallTau = null, FittedOn = 2,
        },
        new(3, SearchRound.Coarse)
        {
            Iteration = 2, Points = [new(4, Name(4, AdamW), 0.75, 0.625), new(5, Name(5, Sgd), 0.5, 0.5625)],
            KendallTau = 1.0, FittedOn = 4, BestPredicted = 0.75, MeanPredicted = 0.625,
        },
        new(4, SearchRound.Fine) { Iteration = 1, BestPredicted = 0.8, MeanPredicted = 0.7, Feasible = 12, Rejected = 4, FittedOn = 4 },
        new(5, SearchRound.Fine) { Iteration = 2, BestPredicted = 0.825, MeanPredicted = 0.75, Feasible = 14, Rejected = 2, FittedOn = 4 },
    ];

    public Task CreateAsync(string id, string owner = "", string strategy = PredictorStrategies.Fbnetv3) =>
        store.CreateCampaignAsync(new Campaign(id, id, "{}", new CampaignSettings(strategy).ToJson(), 7, CampaignStatus.Running, TestApi.Start, owner));

    /// <summary>Records <see cref="Steps"/>, step n at the start plus n minutes (without their events).</summary>
    public async Task RecordStepsAsync(string id)
    {
        foreach (var step in Steps)
        {
            await store.RecordSearchRoundAsync(new SearchRoundRecord(id, step.Round, step.Stage, step.ToJson(), TestApi.Start.AddMinutes(step.Round)));
        }
    }

    /// <summary>A done child named with its recipe.</summary>
    public async Task<Child> DoneChildAsync(string id, long sequence, Recipe recipe, double accuracy)
    {
        var child = await store.AddChildAsync(new Child(id, sequence, Name(sequence, recipe), [1, (int)sequence], 0, 0, ChildStatus.Sampled, 1, null, null,
            null, TestApi.Start));
        return await store.UpdateChildAsync(child with
        {
            Status = ChildStatus.Done,
            Metrics = new ChildMetrics(accuracy, 12.5, 1000, 2000, 3000, 1.5),
            Reward = accuracy,
            UpdatedAt = TestApi.Start.AddMinutes(sequence),
        });
    }
}
