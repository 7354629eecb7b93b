using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Rl;
using Mnas.Torch;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// The machinery both rankers share around their <see cref="RankerNetwork"/>: reading rounds as one
/// <see cref="RoundBatch"/> (every network encoded together, one step per block), scoring without gradients, fitting with
/// Adam (<see cref="ControllerAdam"/>, whose moments can be saved), and the state that restores all of it bit for bit.
/// Weights are drawn from a generator seeded by <see cref="RankerOptions.Seed"/>, so the options alone fix a new ranker.
/// </summary>
internal sealed partial class NetworkRanker : IDisposable
{
    private readonly BlockEncoding encoding;
    private readonly RankerNetwork network;
    private readonly RankerOptions options;
    private readonly ControllerAdam adam;
    private readonly string kind;

    /// <param name="network">Builds the network from the block vectors' width and the hidden units.</param>
    /// <param name="kind">Names the ranker in its state, so that one kind's state is never read as another's.</param>
    /// <param name="state">What <see cref="SaveState"/> wrote, to continue from; null for fresh weights.</param>
    public NetworkRanker(ModelSpace space, RankerOptions options, byte[]? state, string kind, Func<int, int, RankerNetwork> network)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        RankerOptionsValidator.Instance.ThrowIfInvalid(options);
        encoding = new BlockEncoding(space);
        this.options = options;
        this.kind = kind;
        this.network = network(encoding.Width, options.HiddenUnits);
        try
        {
            adam = new ControllerAdam(this.network.named_parameters(), options.LearningRate);
            if (state is null)
            {
                this.network.Initialize(new Xoshiro256StarStar(options.Seed));
            }
            else
            {
                Restore(state);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public long ParameterCount => network.ParameterCount;

    public IReadOnlyList<double> Score(Sample @base, IReadOnlyList<Sample> candidates)
    {
        ArgumentNullException.ThrowIfNull(@base);
        CheckCandidates(candidates, nameof(candidates));
        if (candidates.Count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var batch = new RoundBatch(encoding, [(@base, candidates)]);
        var scores = network.Scores(network.Encode(batch.Blocks), batch);
        return scores.data<float>().Select(s => (double)s).ToArray();
    }

    /// <summary>
    /// <see cref="RankerOptions.Epochs"/> Adam steps, each one pass over every round with a measured candidate, read as one
    /// batch; the loss is the mean squared error between score and y over all the measured candidates. Returns the last
    /// pass's loss (taken before its step).
    /// </summary>
    public double Fit(IReadOnlyList<RankingRound> rounds)
    {
        CheckRounds(rounds);
        var measured = rounds.Where(r => r.Measured.Any(y => y.HasValue)).ToArray();
        if (measured.Length == 0)
        {
            throw new ArgumentException("rounds: no candidate has a measured y, so there is nothing to fit", nameof(rounds));
        }

        using var scope = torch.NewDisposeScope();
        var batch = new RoundBatch(encoding, measured.Select(r => (r.Base, r.Candidates)).ToArray());
        var ys = measured.SelectMany(r => r.Measured).ToArray();
        var positions = Enumerable.Range(0, ys.Length).Where(i => ys[i].HasValue).ToArray();
        var indices = torch.tensor(positions.Select(i => (long)i).ToArray());
        var targets = torch.tensor(positions.Select(i => (float)ys[i]!.Value).ToArray());
        var loss = double.NaN;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var step = torch.NewDisposeScope();
            var scores = network.Scores(network.Encode(batch.Blocks), batch).index_select(0, indices);
            var error = torch.nn.functional.mse_loss(scores, targets);
            adam.zero_grad();
            error.backward();
            adam.step();
            loss = error.item<double>();
        }

        adam.zero_grad();
        return loss;
    }

    public void Dispose()
    {
        adam?.Dispose();
        network.Dispose();
    }

    private static void CheckCandidates(IReadOnlyList<Sample> candidates, string name)
    {
        ArgumentNullException.ThrowIfNull(candidates, name);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] is null)
            {
                throw new ArgumentException($"{name}[{i}]: a candidate is needed, got null", name);
            }
        }
    }

    private static void CheckRounds(IReadOnlyList<RankingRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        for (var r = 0; r < rounds.Count; r++)
        {
            var path = $"rounds[{r}]";
            if (rounds[r] is not { } round || round.Base is null || round.Candidates is null || round.Measured is null)
            {
                throw new ArgumentException($"{path}: needs a base, candidates and their measurements", nameof(rounds));
            }

            CheckCandidates(round.Candidates, $"{path}.candidates");
            if (round.Measured.Count != round.Candidates.Count)
            {
                throw new ArgumentException(
                    $"{path}.measured: one entry per candidate ({round.Candidates.Count}), got {round.Measured.Count}", nameof(rounds));
            }

            for (var i = 0; i < round.Measured.Count; i++)
            {
                if (round.Measured[i] is { } y && !double.IsFinite(y))
                {
                    throw new ArgumentException($"{path}.measured[{i}]: must be a finite number or null (got {y})", nameof(rounds));
                }
            }
        }
    }
}
