using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Fbnetv3;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Fbnetv3;

public sealed class Fbnetv3StrategyTests
{
    private static async Task<FakePredictorEngine> RunAsync(Fbnetv3StrategyOptions options, int workers = 3, int budget = 100,
        Func<string, bool>? fails = null, ulong? shuffleSeed = null)
    {
        var engine = SmallFbnetv3.Engine(workers, budget, fails, shuffleSeed);
        await new Fbnetv3Strategy(options).RunAsync(SmallFbnetv3.Space, engine, null, CancellationToken.None);
        return engine;
    }

    [Fact]
    public async Task a_whole_search_trains_every_coarse_round_and_the_final_children_each_named_with_its_recipe()
    {
        var options = SmallFbnetv3.Options();
        var engine = await RunAsync(options);

        Assert.Equal(options.Spec.TrainedChildren(), engine.Submitted.Count);
        Assert.Equal(engine.Submitted.Count, engine.Submitted.Select(s => s.Proposal.Architecture).Distinct().Count());
        foreach (var (_, proposal) in engine.Submitted)
        {
            var (sample, recipe) = RecipeChildName.Parse(proposal.Architecture);
            Assert.Equal(SmallFbnetv3.Space.Parse(sample).ToTokens(), proposal.Tokens);
            Assert.True(options.Constraints.Allows(SmallFbnetv3.Costs.Of(SmallFbnetv3.Space.Parse(sample))), proposal.Architecture);
            Assert.Contains(recipe.Optimizer, options.Spec.Recipe.Optimizers);
        }
        Assert.Equal(0, engine.InFlight);
    }

    [Fact]
    public async Task a_coarse_round_draws_further_pools_while_too_few_of_a_pool_meet_tight_constraints()
    {
        // About 5% of random architectures meet the limit: a pool of 32 holds one or two, a round needs 4.
        var constraints = new PairConstraints { MaxParams = new FakePairCosts(SmallFbnetv3.Space).ParamsQuantile(0.05) };
        var options = SmallFbnetv3.Options() with { Constraints = constraints };
        var engine = await RunAsync(options);

        var coarse = engine.Rounds.Where(r => r.Stage == SearchRound.Coarse).ToList();
        Assert.All(coarse, r => Assert.Equal(options.Spec.ChildrenPerRound, r.Points.Count));
        Assert.All(engine.Submitted, s => Assert.True(constraints.Allows(SmallFbnetv3.Costs.Of(SmallFbnetv3.Space.Parse(RecipeChildName.Parse(s.Proposal.Architecture).Sample)))));
        var state = Fbnetv3State.FromBytes(engine.Checkpoints.Last(c => Fbnetv3State.FromBytes(c.State).CoarseRounds == 1).State);
        Assert.True(state.SobolIndex > options.Spec.Pool, $"one pool of {options.Spec.Pool} was drawn (index {state.SobolIndex})");
    }

    [Fact]
    public async Task each_step_is_reported_in_order_and_checkpointed_with_the_children_it_took()
    {
        var options = SmallFbnetv3.Options();
        var engine = await RunAsync(options, shuffleSeed: 3);

        var stages = engine.Rounds.Select(r => r.Stage).ToList();
        var fine = stages.Count(s => s == SearchRound.Fine);
        Assert.Equal([SearchRound.Pretrain, SearchRound.Coarse, SearchRound.Coarse, .. Enumerable.Repeat(SearchRound.Fine, fine), SearchRound.Final],
            stages);
        Assert.InRange(fine, 1, options.Spec.MaxIterations);
        Assert.Equal(Enumerable.Range(1, engine.Rounds.Count), engine.Rounds.Select(r => r.Round));
        Assert.Equal(Enumerable.Range(1, fine), engine.Rounds.Where(r => r.Stage == SearchRound.Fine).Select(r => r.Iteration));
        Assert.NotNull(engine.Rounds[0].PretrainLoss);

        var coarse = engine.Rounds.Where(r => r.Stage == SearchRound.Coarse).ToList();
        Assert.Equal([1, 2], coarse.Select(r => r.Iteration));
        Assert.Null(coarse[0].KendallTau);
        Assert.All(coarse, r => Assert.Equal(options.Spec.ChildrenPerRound, r.Points.Count));
        Assert.Equal([4, 8], coarse.Select(r => r.FittedOn));
        Assert.All(coarse[0].Points, p => Assert.Null(p.Predicted));
        Assert.All(coarse[1].Points, p => Assert.NotNull(p.Predicted));
        var final = engine.Rounds[^1];
        Assert.Equal(options.Spec.FinalChildren, final.Points.Count);
        Assert.Equal(options.Spec.TrainedChildren(), final.FittedOn);
        Assert.All(engine.Rounds.SelectMany(r => r.Points), p => Assert.Equal(FakeAccuracy.Of(SmallFbnetv3.Space, p.Architecture), p.Measured));

        // pretraining, each coarse round, the fine stage, the final children: nothing in flight at any of them
        Assert.Equal(1 + options.Spec.Rounds + 2, engine.Checkpoints.Count);
        Assert.Equal([0, 4, 4, 0, 2], engine.Checkpoints.Select(c => c.Included.Count));
        Assert.Equal(engine.Submitted.Select(s => s.Sequence).Order(), engine.Checkpoints.SelectMany(c => c.Included).Order());
        var state = Fbnetv3State.FromBytes(engine.Checkpoints[^1].State);
        Assert.Equal(Fbnetv3Stage.Done, state.Stage);
        Assert.Equal(engine.Submitted.Select(s => s.Proposal.Architecture), state.Trained.Select(t => t.Architecture));
        Assert.Equal(final.Points.Select(p => p.Architecture), state.Final.Select(p => p.Architecture));
        Assert.Equal(engine.Rounds.Count + 1, state.NextRound);
        Assert.Equal(options.Spec.Rounds * options.Spec.Pool, state.SobolIndex);
    }

    [Fact]
    public async Task the_final_children_are_the_fine_stages_best_pairs_not_trained_before()
    {
        var engine = await RunAsync(SmallFbnetv3.Options(seed: 8));

        var afterFine = Fbnetv3State.FromBytes(engine.Checkpoints[^2].State);
        Assert.Equal(Fbnetv3Stage.Final, afterFine.Stage);
        Assert.NotEmpty(afterFine.Proposed);
        Assert.Equal(afterFine.Proposed.OrderByDescending(p => p.PredictedAccuracy).Select(p => p.Architecture), afterFine.Proposed.Select(p => p.Architecture));
        var coarse = afterFine.Trained.Select(t => t.Architecture).ToHashSet();
        Assert.DoesNotContain(afterFine.Final, p => coarse.Contains(p.Architecture));
        Assert.Equal(afterFine.Final.Select(p => p.Architecture), engine.Submitted.TakeLast(2).Select(s => s.Proposal.Architecture));
        Assert.Equal(afterFine.Final.Select(p => (double?)p.PredictedAccuracy), engine.Rounds[^1].Points.Select(p => p.Predicted));
    }

    [Fact]
    public async Task failed_children_are_left_out_of_fitting()
    {
        static bool Fails(string name) => RecipeChildName.Parse(name).Recipe.Optimizer == "rmsprop";
        var engine = await RunAsync(SmallFbnetv3.Options(), fails: Fails);

        var failed = engine.Submitted.Count(s => Fails(s.Proposal.Architecture));
        Assert.InRange(failed, 1, engine.Submitted.Count - 2);
        var points = engine.Rounds.SelectMany(r => r.Points).ToList();
        Assert.All(points, p => Assert.Equal(Fails(p.Architecture), p.Measured is null));
        Assert.Equal(engine.Submitted.Count - failed, engine.Rounds[^1].FittedOn);
    }

    [Fact]
    public async Task the_budget_stops_it_submitting()
    {
        var engine = await RunAsync(SmallFbnetv3.Options(), workers: 2, budget: 6);

        Assert.Equal(6, engine.Submitted.Count);
        Assert.Equal(0, engine.InFlight);
        Assert.Equal(Fbnetv3Stage.Done, Fbnetv3State.FromBytes(engine.Checkpoints[^1].State).Stage);
    }

    [Fact]
    public async Task a_search_resumed_from_any_checkpoint_trains_the_same_children_and_ends_as_the_uninterrupted_one()
    {
        var options = SmallFbnetv3.Options(seed: 11);
        var original = await RunAsync(options, workers: 2);
        var proposed = original.Submitted.Select(s => s.Proposal.Architecture).ToList();

        for (var checkpoint = 0; checkpoint < original.Checkpoints.Count - 1; checkpoint++)
        {
            // killed halfway through the step after this checkpoint: the children submitted before that are on record
            var from = original.Checkpoints[checkpoint].SubmittedSoFar;
            var recordedThrough = (from + original.Checkpoints[checkpoint + 1].SubmittedSoFar) / 2;
            var resumed = FakePredictorEngine.Resuming(original, checkpoint, recordedThrough);
            await new Fbnetv3Strategy(options).RunAsync(SmallFbnetv3.Space, resumed, original.Checkpoints[checkpoint].State, CancellationToken.None);

            Assert.Equal(proposed.Skip((int)from), resumed.Submitted.Select(s => s.Proposal.Architecture));
            Assert.Equal(recordedThrough - from, resumed.Replayed);
            Assert.Equal(original.Rounds.Skip(original.Rounds.Count - resumed.Rounds.Count).Select(r => r.ToJson()), resumed.Rounds.Select(r => r.ToJson()));
            Assert.Equal(original.Checkpoints[^1].State, resumed.Checkpoints[^1].State);
        }
    }

    [Fact]
    public async Task a_finished_search_resumed_does_nothing()
    {
        var original = await RunAsync(SmallFbnetv3.Options());
        var resumed = FakePredictorEngine.Resuming(original, original.Checkpoints.Count - 1, 0);

        await new Fbnetv3Strategy(SmallFbnetv3.Options()).RunAsync(SmallFbnetv3.Space, resumed, original.Checkpoints[^1].State, CancellationToken.None);

        Assert.Empty(resumed.Submitted);
        Assert.Empty(resumed.Rounds);
        Assert.Empty(resumed.Checkpoints);
    }

    [Fact]
    public async Task an_engine_that_cannot_cost_architectures_is_refused_by_name()
    {
        var engine = new InMemorySearchEngine(1, 1, _ => 0.5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new Fbnetv3Strategy(SmallFbnetv3.Options()).RunAsync(SmallFbnetv3.Space, engine, null, CancellationToken.None));

        Assert.Contains("fbnetv3", error.Message);
        Assert.Contains("predictor engine", error.Message);
        Assert.Empty(engine.Submitted);
    }

    [Fact]
    public void bad_options_are_refused_naming_every_setting()
    {
        var options = SmallFbnetv3.Options() with
        {
            Spec = SmallFbnetv3.Spec with { Rounds = 0, Pool = 2, TopK = 0, FrozenEpochs = 100, PredictorLearningRate = -1, MutationProbability = 0 },
            Constraints = new PairConstraints { MaxParams = 0 },
        };

        var error = Assert.Throws<SpecException>(() => new Fbnetv3Strategy(options));

        Assert.Equal(["fbnetv3.frozen_epochs", "fbnetv3.predictor_learning_rate", "fbnetv3.rounds", "fbnetv3.pool", "fbnetv3.top_k",
            "fbnetv3.mutation_probability", "constraints.max_params"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void a_state_that_is_not_fbnetv3s_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => Fbnetv3State.FromBytes("{\"rng\": [1, 2]}"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => Fbnetv3State.FromBytes("not json"u8.ToArray()));
    }
}
