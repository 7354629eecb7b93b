using Mnas.SearchSpace.GrowTrim;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Rewards;
using Mnas.Strategies.Statistics;

namespace Mnas.Strategies.Memnas;

internal sealed partial class MemnasSearch
{
    /// <summary>
    /// One grow-and-trim round: every grow and trim of the base not trained before, ranked (<see cref="Rank"/>); the top k
    /// trained as children (while the budget lasts); each one's memory efficiency y against the base; the best with y &gt; 0
    /// the next base (else the base stays and the rounds without a better base count one more); the ranker fitted to every
    /// round so far. Null when no candidate is left: the search ends.
    /// </summary>
    private async Task<MemnasState?> RoundAsync(MemnasState state, CancellationToken cancellation)
    {
        var number = state.Round + 1;
        var @base = space.Parse(state.Base.Architecture);
        var trainedBefore = state.Trained.Select(t => t.Architecture).ToHashSet(StringComparer.Ordinal);
        // Generating, costing and scoring the candidates is CPU work: on the thread pool, not the engine's scheduler (a campaign grain's).
        var ranking = await Task.Run(() => Rank(state, @base, trainedBefore), CancellationToken.None);
        if (ranking.Candidates.Count == 0)
        {
            return null;
        }

        var picks = ranking.Order.Take(Math.Min(options.TopK, ranking.Candidates.Count)).Select(i => ranking.Candidates[i].Sample).ToList();
        var trained = await ChildTraining.TrainAsync(engine, picks, number, cancellation);
        var positions = ranking.Candidates.Select((c, i) => (c.Sample.Canonical, i)).ToDictionary(p => p.Canonical, p => p.i, StringComparer.Ordinal);
        var children = new TrainedChild?[ranking.Candidates.Count];
        var measured = new double?[ranking.Candidates.Count];
        var baseMemory = Footprint(@base);
        foreach (var child in trained)
        {
            var i = positions[child.Architecture];
            children[i] = child;
            if (child.Accuracy is { } accuracy)
            {
                var y = MemoryEfficiency.Of(options.MemoryLambda, accuracy, ranking.Memories[i], state.Base.Accuracy, baseMemory);
                measured[i] = double.IsFinite(y) ? y : null;
            }
        }

        var best = Enumerable.Range(0, measured.Length).Where(i => measured[i] is > 0)
            .OrderByDescending(i => measured[i]!.Value).ThenBy(i => children[i]!.Sequence).Select(i => (int?)i).FirstOrDefault();
        var nextBase = best is { } b ? Network(children[b]!.Sequence, ranking.Candidates[b].Sample, children[b]!.Accuracy!.Value) : null;

        var rounds = state.Rounds.Append(new MeasuredRound(@base.Canonical, ranking.Candidates.Select(c => c.Sample.Canonical).ToList(), measured)).ToList();
        var loss = await FitAsync(rounds);

        var round = new SearchRound(state.NextStep, SearchRound.GrowTrim)
        {
            Iteration = number,
            Base = state.Base,
            Candidates = Recorded(ranking, children, measured),
            NextBase = nextBase,
            ControllerLoss = loss is { } l && double.IsFinite(l) ? l : null,
            RankedBy = ranking.RankedBy,
            KendallTau = ranking.RankedBy == RoundRanking.Controller ? Tau(ranking.Scores, measured) : null,
            FittedOn = rounds.Sum(r => r.Measured.Count(y => y is not null)),
        };
        var next = state with
        {
            Round = number,
            Base = nextBase ?? state.Base,
            Trained = state.Trained.Concat(trained).ToList(),
            Rounds = rounds,
            RoundsWithoutBetterBase = nextBase is null ? state.RoundsWithoutBetterBase + 1 : 0,
            RankerFitted = state.RankerFitted || loss is not null,
        };
        return await FinishStepAsync(next, round, trained.Select(t => t.Sequence).ToList(), cancellation);
    }

    /// <summary>
    /// The base's candidates less those trained before, in reading order, with their memory and scores: the ranker's once
    /// it has been fitted; before that (or when its scores are not finite: a diverged fit) the memory prior, the memory
    /// a candidate saves against the base, −[(r − r_base)/r_base + (p − p_base)/p_base].
    /// </summary>
    private RoundRanking Rank(MemnasState state, Sample @base, HashSet<string> trainedBefore)
    {
        var candidates = GrowTrimCandidates.Of(space, @base, options.Widen).Where(c => !trainedBefore.Contains(c.Sample.Canonical)).ToList();
        var baseMemory = Footprint(@base);
        var memories = candidates.Select(c => Footprint(c.Sample)).ToList();
        if (state.RankerFitted && candidates.Count > 0)
        {
            var scores = ranker.Score(@base, candidates.Select(c => c.Sample).ToList());
            if (scores.Count != candidates.Count)
            {
                throw new InvalidOperationException($"the ranker scored {scores.Count} of {candidates.Count} candidates");
            }
            if (scores.All(double.IsFinite))
            {
                return new RoundRanking(candidates, memories, scores.ToList(), RoundRanking.Controller);
            }
        }
        var prior = memories.Select(m => -MemoryEfficiency.MemoryChange(m, baseMemory)).ToList();
        return new RoundRanking(candidates, memories, prior, RoundRanking.Prior);
    }

    /// <summary>Fits the ranker to every round so far; null (and the ranker left as it was) while no candidate has a y.</summary>
    private async Task<double?> FitAsync(IReadOnlyList<MeasuredRound> rounds)
    {
        if (!rounds.Any(r => r.Measured.Any(y => y is not null)))
        {
            return null;
        }
        var data = rounds.Select(r => new RankingRound(space.Parse(r.Base), r.Candidates.Select(space.Parse).ToList(), r.Measured)).ToList();
        // Seconds of training: on the thread pool, not holding the engine's scheduler.
        return await Task.Run(() => ranker.Fit(data), CancellationToken.None);
    }

    /// <summary>Every candidate as the round records it, trained ones with their child, accuracy, y and rank by y.</summary>
    private static List<MemnasCandidate> Recorded(RoundRanking ranking, IReadOnlyList<TrainedChild?> children, IReadOnlyList<double?> measured)
    {
        var predictedRanks = ranking.PredictedRanks;
        var measuredRanks = Ranks.Of(measured);
        return ranking.Candidates.Select((c, i) => new MemnasCandidate(c.Operation.ToString(), c.Sample.Canonical, ranking.Memories[i].ParamBytes,
            ranking.Memories[i].PeakActivationBytes, ranking.Scores[i], predictedRanks[i])
        {
            Sequence = children[i]?.Sequence,
            Accuracy = children[i]?.Accuracy,
            Measured = measured[i],
            MeasuredRank = measuredRanks[i],
        }).ToList();
    }

    /// <summary>Kendall's τ-b between score and y over the candidates with a y; null with fewer than two or where either side is constant.</summary>
    private static double? Tau(IReadOnlyList<double> scores, IReadOnlyList<double?> measured)
    {
        var with = Enumerable.Range(0, measured.Count).Where(i => measured[i] is not null).ToList();
        if (with.Count < 2)
        {
            return null;
        }
        var tau = KendallTau.TauB(with.Select(i => scores[i]).ToList(), with.Select(i => measured[i]!.Value).ToList());
        return double.IsFinite(tau) ? tau : null;
    }
}
