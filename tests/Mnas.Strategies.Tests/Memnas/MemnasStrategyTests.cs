using Mnas.Costs.Memory;
using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;
using Mnas.Strategies.Memnas;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Rewards;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Memnas;

/// <summary>
/// MemNAS's round loop on the real rankers, over an in-memory engine whose children "train" to a fixed function of their
/// architecture (<see cref="SmallMemnas.Engine"/>).
/// </summary>
public sealed class MemnasStrategyTests
{
    private static ModelSpace Space => SmallMemnas.Space;

    private static async Task<FakePredictorEngine> RunAsync(MemnasStrategyOptions options, int workers = 2, int budget = 100,
        Func<Sample, double>? accuracy = null, Func<Sample, bool>? fails = null, ulong? shuffleSeed = null)
    {
        var engine = SmallMemnas.Engine(workers, budget, accuracy, fails, shuffleSeed);
        await new MemnasStrategy(options).RunAsync(Space, engine, null, CancellationToken.None);
        return engine;
    }

    private static List<SearchRound> GrowTrimRounds(FakePredictorEngine engine) => engine.Rounds.Where(r => r.Stage == SearchRound.GrowTrim).ToList();

    private static MemoryFootprint Memory(string architecture) => MemoryFootprint.Of(Space.Freeze(Space.Parse(architecture)));

    [Fact]
    public async Task the_first_child_is_the_base_and_each_round_trains_its_top_k_grow_or_trim_candidates_never_one_trained_before()
    {
        var options = SmallMemnas.Options(rounds: 3, topK: 2, patience: 3);
        var engine = await RunAsync(options);

        Assert.Equal(SmallMemnas.Base.Canonical, engine.Submitted[0].Proposal.Architecture);
        Assert.Equal(SmallMemnas.Base.ToTokens(), engine.Submitted[0].Proposal.Tokens);
        var rounds = GrowTrimRounds(engine);
        Assert.Equal(options.Rounds, rounds.Count);
        Assert.Equal(1 + options.Rounds * options.TopK, engine.Submitted.Count);
        var trained = new HashSet<string>(StringComparer.Ordinal) { SmallMemnas.Base.Canonical };
        foreach (var round in rounds)
        {
            var children = engine.Submitted.Where(s => s.Proposal.PolicyVersion == round.Iteration).Select(s => s.Proposal.Architecture).ToList();
            Assert.Equal(options.TopK, children.Count);
            var candidates = GrowTrimCandidates.Of(Space, Space.Parse(round.Base!.Architecture), options.Widen).Select(c => c.Sample.Canonical).ToList();
            Assert.All(children, c => Assert.Contains(c, candidates));
            Assert.All(children, c => Assert.DoesNotContain(c, trained));
            trained.UnionWith(children);
        }
        Assert.Equal(0, engine.InFlight);
    }

    [Fact]
    public async Task every_round_reports_all_its_candidates_with_predicted_and_measured_ranks_that_agree_with_what_trained()
    {
        var options = SmallMemnas.Options(rounds: 3, topK: 2, patience: 3);
        var engine = await RunAsync(options, workers: 3, shuffleSeed: 3);

        Assert.Equal([SearchRound.BaseTrained, SearchRound.GrowTrim, SearchRound.GrowTrim, SearchRound.GrowTrim], engine.Rounds.Select(r => r.Stage));
        Assert.Equal([1, 2, 3, 4], engine.Rounds.Select(r => r.Round));
        var first = engine.Rounds[0].Base!;
        var baseMemory = Memory(SmallMemnas.Base.Canonical);
        Assert.Equal((1L, SmallMemnas.Base.Canonical, FakeMemnasAccuracy.Of(Space, SmallMemnas.Base), baseMemory.ParamBytes, baseMemory.PeakActivationBytes),
            (first.Sequence, first.Architecture, first.Accuracy, first.ParamBytes, first.PeakActivationBytes));

        var trainedBefore = new HashSet<string>(StringComparer.Ordinal) { SmallMemnas.Base.Canonical };
        var fittedOn = 0;
        foreach (var round in GrowTrimRounds(engine))
        {
            var @base = Space.Parse(round.Base!.Architecture);
            var expected = GrowTrimCandidates.Of(Space, @base, options.Widen).Where(c => !trainedBefore.Contains(c.Sample.Canonical)).ToList();
            var candidates = round.Candidates!;
            Assert.Equal(expected.Select(c => c.Sample.Canonical), candidates.Select(c => c.Architecture));
            Assert.Equal(expected.Select(c => c.Operation.ToString()), candidates.Select(c => c.Operation));

            // Predicted ranks: 1..n, from the highest score down; the top k trained, and no other.
            Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => c.PredictedRank).Order());
            var byRank = candidates.OrderBy(c => c.PredictedRank).ToList();
            Assert.All(byRank.Zip(byRank.Skip(1)), p => Assert.True(p.First.Predicted >= p.Second.Predicted, $"{p.First.Predicted} < {p.Second.Predicted}"));
            Assert.All(candidates, c => Assert.Equal(c.PredictedRank <= options.TopK, c.Sequence is not null));
            var children = engine.Submitted.Where(s => s.Proposal.PolicyVersion == round.Iteration).ToDictionary(s => s.Proposal.Architecture, s => s.Sequence);
            Assert.Equal(children.OrderBy(c => c.Value).Select(c => c.Key), candidates.Where(c => c.Sequence is not null).OrderBy(c => c.Sequence).Select(c => c.Architecture));

            // Measured: the child's accuracy, memory of its target view, y against the round's base; ranks among the trained by y.
            var roundBaseMemory = Memory(round.Base.Architecture);
            foreach (var candidate in candidates)
            {
                var memory = Memory(candidate.Architecture);
                Assert.Equal((memory.ParamBytes, memory.PeakActivationBytes), (candidate.ParamBytes, candidate.PeakActivationBytes));
                if (candidate.Sequence is null)
                {
                    Assert.Equal((null, null, null), (candidate.Accuracy, candidate.Measured, candidate.MeasuredRank));
                    continue;
                }
                Assert.Equal(children[candidate.Architecture], candidate.Sequence);
                var accuracy = FakeMemnasAccuracy.Of(Space, Space.Parse(candidate.Architecture));
                Assert.Equal(accuracy, candidate.Accuracy);
                Assert.Equal(MemoryEfficiency.Of(options.MemoryLambda, accuracy, memory, round.Base.Accuracy, roundBaseMemory), candidate.Measured);
            }
            var byMeasured = candidates.Where(c => c.Measured is not null).OrderBy(c => c.MeasuredRank).ToList();
            Assert.Equal(Enumerable.Range(1, options.TopK), byMeasured.Select(c => c.MeasuredRank!.Value));
            Assert.All(byMeasured.Zip(byMeasured.Skip(1)), p => Assert.True(p.First.Measured >= p.Second.Measured));

            // The first round is ranked by the memory prior, later ones by the fitted controller.
            if (round.Iteration == 1)
            {
                Assert.Equal(RoundRanking(prior: true), round.RankedBy);
                Assert.All(candidates, c => Assert.Equal(-MemoryEfficiency.MemoryChange(Memory(c.Architecture), roundBaseMemory), c.Predicted));
                Assert.Null(round.KendallTau);
            }
            else
            {
                Assert.Equal(RoundRanking(prior: false), round.RankedBy);
                Assert.NotNull(round.KendallTau);
            }
            Assert.NotNull(round.ControllerLoss);
            fittedOn += options.TopK;
            Assert.Equal(fittedOn, round.FittedOn);
            trainedBefore.UnionWith(candidates.Where(c => c.Sequence is not null).Select(c => c.Architecture));
        }
    }

    private static string RoundRanking(bool prior) => prior ? "prior" : "controller";

    [Fact]
    public async Task the_base_moves_to_the_trained_candidate_of_best_positive_y_and_otherwise_stays()
    {
        var options = SmallMemnas.Options(rounds: 4, topK: 2, patience: 4);
        var engine = await RunAsync(options);

        var rounds = GrowTrimRounds(engine);
        var kept = 0;
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            var best = round.Candidates!.Where(c => c.Measured is not null).OrderByDescending(c => c.Measured).ThenBy(c => c.Sequence).First();
            if (best.Measured > 0)
            {
                Assert.Equal((best.Sequence!.Value, best.Architecture, best.Accuracy!.Value), (round.NextBase!.Sequence, round.NextBase.Architecture, round.NextBase.Accuracy));
                kept = 0;
            }
            else
            {
                Assert.Null(round.NextBase);
                kept++;
            }
            var after = MemnasState.FromBytes(engine.Checkpoints[i + 1].State);
            Assert.Equal(round.NextBase ?? round.Base, after.Base);
            Assert.Equal(kept, after.RoundsWithoutBetterBase);
            if (i + 1 < rounds.Count)
            {
                Assert.Equal(round.NextBase ?? round.Base, rounds[i + 1].Base);
            }
        }
        Assert.Contains(rounds, r => r.NextBase is not null);
    }

    [Fact]
    public async Task rounds_in_a_row_without_a_better_base_stop_the_search_at_its_patience()
    {
        // Accuracy alone counts (λ = 1) and every child measures the same: no candidate beats the base.
        var options = SmallMemnas.Options(rounds: 5, topK: 2, patience: 2) with { MemoryLambda = 1 };
        var engine = await RunAsync(options, accuracy: _ => 0.8);

        var rounds = GrowTrimRounds(engine);
        Assert.Equal(options.Patience, rounds.Count);
        Assert.All(rounds, r => Assert.Null(r.NextBase));
        Assert.All(rounds, r => Assert.Equal(SmallMemnas.Base.Canonical, r.Base!.Architecture));
        Assert.Equal(1 + options.Patience * options.TopK, engine.Submitted.Count);
        Assert.Equal(options.Patience, MemnasState.FromBytes(engine.Checkpoints[^1].State).RoundsWithoutBetterBase);
    }

    [Fact]
    public async Task the_budget_stops_it_submitting_and_the_round_it_cut_short_is_reported()
    {
        var options = SmallMemnas.Options(rounds: 3, topK: 2, patience: 3);
        var engine = await RunAsync(options, workers: 2, budget: 4);

        Assert.Equal(4, engine.Submitted.Count);
        Assert.Equal(0, engine.InFlight);
        var rounds = GrowTrimRounds(engine);
        Assert.Equal([2, 1], rounds.Select(r => r.Candidates!.Count(c => c.Sequence is not null)));
        Assert.Equal(1 + rounds.Count, engine.Checkpoints.Count);
        Assert.Equal(2, MemnasState.FromBytes(engine.Checkpoints[^1].State).Round);
    }

    [Fact]
    public async Task a_failed_child_has_no_y_is_never_the_base_and_is_not_fitted_on()
    {
        var @base = SmallMemnas.Base.Canonical;
        bool Fails(Sample s) => s.Canonical != @base && FakeMemnasAccuracy.Noise(s.Canonical) < 0.4;
        var options = SmallMemnas.Options(rounds: 3, topK: 3, patience: 3);
        var engine = await RunAsync(options, fails: Fails);

        var trained = GrowTrimRounds(engine).SelectMany(r => r.Candidates!).Where(c => c.Sequence is not null).ToList();
        var failed = trained.Where(c => Fails(Space.Parse(c.Architecture))).ToList();
        Assert.InRange(failed.Count, 1, trained.Count - 2);
        Assert.All(failed, c => Assert.Equal((null, null, null), (c.Accuracy, c.Measured, c.MeasuredRank)));
        Assert.All(trained.Except(failed), c => Assert.NotNull(c.Measured));
        Assert.DoesNotContain(GrowTrimRounds(engine), r => r.NextBase is { } next && Fails(Space.Parse(next.Architecture)));
        Assert.Equal(trained.Count - failed.Count, engine.Rounds[^1].FittedOn);
    }

    [Fact]
    public async Task a_base_that_fails_to_train_ends_the_search_saying_so()
    {
        var engine = SmallMemnas.Engine(fails: s => s.Canonical == SmallMemnas.Base.Canonical);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new MemnasStrategy(SmallMemnas.Options()).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("base network", error.Message);
        Assert.Contains("failed to train", error.Message);
        Assert.Single(engine.Submitted);
        Assert.Empty(engine.Rounds);
        Assert.Empty(engine.Checkpoints);
    }

    [Fact]
    public async Task a_search_resumed_from_any_checkpoint_trains_the_same_children_and_reports_the_same_rounds_as_an_uninterrupted_one()
    {
        var options = SmallMemnas.Options(rounds: 3, topK: 3, patience: 3, seed: 11);
        var original = await RunAsync(options, workers: 2);
        var proposed = original.Submitted.Select(s => s.Proposal.Architecture).ToList();
        Assert.Equal(1 + options.Rounds, original.Checkpoints.Count);

        for (var checkpoint = 0; checkpoint < original.Checkpoints.Count - 1; checkpoint++)
        {
            // killed halfway through the round after this checkpoint: the children submitted before that are on record
            var from = original.Checkpoints[checkpoint].SubmittedSoFar;
            var recordedThrough = (from + original.Checkpoints[checkpoint + 1].SubmittedSoFar) / 2;
            var resumed = FakePredictorEngine.Resuming(original, checkpoint, recordedThrough);
            await new MemnasStrategy(options).RunAsync(Space, resumed, original.Checkpoints[checkpoint].State, CancellationToken.None);

            Assert.Equal(proposed.Skip((int)from), resumed.Submitted.Select(s => s.Proposal.Architecture));
            Assert.Equal(recordedThrough - from, resumed.Replayed);
            Assert.Equal(original.Rounds.Skip(checkpoint + 1).Select(r => r.ToJson()), resumed.Rounds.Select(r => r.ToJson()));
            Assert.Equal(original.Checkpoints[^1].State, resumed.Checkpoints[^1].State);
        }
    }

    [Fact]
    public async Task a_finished_search_resumed_does_nothing()
    {
        var original = await RunAsync(SmallMemnas.Options());
        var resumed = FakePredictorEngine.Resuming(original, original.Checkpoints.Count - 1, 0);

        await new MemnasStrategy(SmallMemnas.Options()).RunAsync(Space, resumed, original.Checkpoints[^1].State, CancellationToken.None);

        Assert.Empty(resumed.Submitted);
        Assert.Empty(resumed.Rounds);
        Assert.Empty(resumed.Checkpoints);
    }

    [Fact]
    public async Task the_absolute_predictor_of_the_ablation_ranks_the_rounds_after_the_first()
    {
        var engine = await RunAsync(SmallMemnas.Options() with { RankerKind = CandidateRankerKind.Absolute });

        Assert.Equal(["prior", "controller", "controller"], GrowTrimRounds(engine).Select(r => r.RankedBy));
        // A state made by the absolute predictor is not the structure-correlation controller's.
        Assert.ThrowsAny<Exception>(() => new StructureCorrelationController(Space, SmallMemnas.Options().Ranker, MemnasState.FromBytes(engine.Checkpoints[^1].State).Ranker));
    }

    [Fact]
    public async Task a_base_that_names_no_sample_of_the_space_is_refused_by_its_setting()
    {
        var engine = SmallMemnas.Engine();

        var error = await Assert.ThrowsAsync<SpecException>(() =>
            new MemnasStrategy(SmallMemnas.Options() with { Base = "b1.op=resnet" }).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Equal(["memnas.base"], error.Problems.Select(p => p.Path));
        Assert.Empty(engine.Submitted);
    }

    [Fact]
    public async Task an_engine_that_cannot_keep_search_rounds_is_refused_by_name()
    {
        var engine = new InMemorySearchEngine(1, 1, _ => 0.5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new MemnasStrategy(SmallMemnas.Options()).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("memnas", error.Message);
        Assert.Contains("predictor engine", error.Message);
        Assert.Empty(engine.Submitted);
    }

    [Fact]
    public void bad_options_are_refused_naming_every_setting()
    {
        var options = SmallMemnas.Options() with
        {
            Base = " ", Rounds = 0, TopK = 0, Patience = 0, MemoryLambda = 1.5,
            Ranker = new RankerOptions { HiddenUnits = 2, Epochs = 0, LearningRate = -1 },
        };

        var error = Assert.Throws<SpecException>(() => new MemnasStrategy(options));

        Assert.Equal(["memnas.base", "memnas.rounds", "memnas.top_k", "memnas.patience", "memnas.hidden_units", "memnas.controller_epochs",
            "memnas.controller_learning_rate", "reward.memory_lambda"], error.Problems.Select(p => p.Path));
        Assert.Contains("memnas.top_k: must be at least 1 (got 0)", error.Message);
        Assert.Contains("reward.memory_lambda: must lie in [0, 1] (got 1.5)", error.Message);
    }

    [Fact]
    public void the_options_of_a_campaign_are_its_memnas_section_the_rewards_lambda_and_its_seed()
    {
        var spec = new CampaignSpec
        {
            Memnas = new MemnasSpec
            {
                Base = NamedSamples.Smallest, Rounds = 5, TopK = 3, Patience = 4, Widen = false, HiddenUnits = 12, ControllerEpochs = 30,
                ControllerLearningRate = 0.02,
            },
            Reward = new RewardSpec { MemoryLambda = 0.7 },
        };

        var options = MemnasStrategyOptions.From(spec, 42);

        Assert.Equal(new MemnasStrategyOptions
        {
            Base = NamedSamples.Smallest, Rounds = 5, TopK = 3, Patience = 4, Widen = false, MemoryLambda = 0.7,
            Ranker = new RankerOptions { HiddenUnits = 12, Epochs = 30, LearningRate = 0.02, Seed = 42 },
            RankerKind = CandidateRankerKind.StructureCorrelation,
        }, options);
    }

    [Fact]
    public void a_state_that_is_not_memnass_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => MemnasState.FromBytes("{\"rng\": [1, 2]}"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => MemnasState.FromBytes("not json"u8.ToArray()));
    }
}
