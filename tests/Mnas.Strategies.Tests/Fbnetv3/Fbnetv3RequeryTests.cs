using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3;
using Mnas.Strategies.Fbnetv3.Prediction;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Fbnetv3;

public sealed class Fbnetv3RequeryTests : IClassFixture<Fbnetv3RequeryTests.FinishedCampaign>
{
    private static readonly CampaignSpec Spec = new() { Fbnetv3 = SmallFbnetv3.Spec };

    private readonly FinishedCampaign campaign;
    private readonly FakePairCosts costs = new(SmallFbnetv3.Space);

    public Fbnetv3RequeryTests(FinishedCampaign campaign) => this.campaign = campaign;

    /// <summary>A small FBNetV3 search run to its end, with every checkpoint it left.</summary>
    public sealed class FinishedCampaign : IAsyncLifetime
    {
        internal FakePredictorEngine Engine { get; } = SmallFbnetv3.Engine(3, 100);

        public async Task InitializeAsync() =>
            await new Fbnetv3Strategy(SmallFbnetv3.Options()).RunAsync(SmallFbnetv3.Space, Engine, null, CancellationToken.None);

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private bool Meets(PairConstraints constraints, string name) =>
        constraints.Allows(costs.Of(SmallFbnetv3.Space.Parse(RecipeChildName.Parse(name).Sample)));

    [Fact]
    public async Task a_requery_under_tighter_constraints_returns_pairs_that_meet_them_without_training_anything()
    {
        var tighter = new PairConstraints { MaxParams = costs.ParamsQuantile(0.15) };
        var campaignPairs = Fbnetv3State.FromBytes(campaign.Engine.Checkpoints[^1].State).Proposed;
        Assert.Contains(campaignPairs, p => !Meets(tighter, p.Architecture));
        var submitted = campaign.Engine.Submitted.Count;

        var result = await Fbnetv3Requery.RunAsync(SmallFbnetv3.Space, Spec, campaign.Engine.Checkpoints[^1].State, tighter, costs.SourceAsync, 1,
            CancellationToken.None);

        Assert.Equal(tighter, result.Constraints);
        Assert.NotEmpty(result.Pairs);
        Assert.All(result.Pairs, p => Assert.True(Meets(tighter, p.Architecture), p.Architecture));
        Assert.All(result.Iterations, r => Assert.Equal(SearchRound.Fine, r.Stage));
        Assert.Equal(Enumerable.Range(1, result.Iterations.Count), result.Iterations.Select(r => r.Round));
        Assert.Equal(0, result.Unmeasured);
        Assert.Equal(submitted, campaign.Engine.Submitted.Count);
    }

    [Fact]
    public async Task a_requery_with_the_same_seed_finds_the_same_pairs()
    {
        var constraints = new PairConstraints { MaxParams = costs.ParamsQuantile(0.3) };
        var state = campaign.Engine.Checkpoints[^1].State;

        var first = await Fbnetv3Requery.RunAsync(SmallFbnetv3.Space, Spec, state, constraints, costs.SourceAsync, 4, CancellationToken.None);
        var again = await Fbnetv3Requery.RunAsync(SmallFbnetv3.Space, Spec, state, constraints, costs.SourceAsync, 4, CancellationToken.None);

        Assert.Equal(first.Pairs, again.Pairs);
    }

    [Fact]
    public async Task a_state_whose_predictor_was_never_fitted_is_refused()
    {
        var pretrained = campaign.Engine.Checkpoints[0].State;
        Assert.Equal(Fbnetv3Stage.Coarse, Fbnetv3State.FromBytes(pretrained).Stage);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Fbnetv3Requery.RunAsync(SmallFbnetv3.Space, Spec, pretrained,
            new PairConstraints(), costs.SourceAsync, 1, CancellationToken.None));

        Assert.Contains("predictor has not been fitted", error.Message);
    }

    [Fact]
    public void the_state_exposes_the_campaigns_trained_pairs_and_predictor()
    {
        var state = Fbnetv3State.FromBytes(campaign.Engine.Checkpoints[^1].State);

        Assert.Equal(campaign.Engine.Submitted.Select(s => (s.Sequence, s.Proposal.Architecture)), state.Trained.Select(t => (t.Sequence, t.Architecture)));
        Assert.All(state.Trained, t => Assert.Equal(FakeAccuracy.Of(SmallFbnetv3.Space, t.Architecture), t.Accuracy));
        using var predictor = AccuracyPredictor.Load(state.Predictor, PredictorOptions.From(SmallFbnetv3.Spec, 0));
        Assert.True(predictor.Fitted);
    }
}
