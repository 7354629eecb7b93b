using Mnas.SearchSpace.Space;
using Mnas.Strategies.Randomness;
using Mnas.Strategies.Rl;
using Mnas.Torch;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// The machinery both rankers share around their <see cref="RankerNetwork"/>: encoding a round's networks as one batch
/// per block step, scoring without gradients, fitting with Adam over the rounds, and the state that restores all of it
/// bit for bit. Weights are drawn from a generator seeded by <see cref="RankerOptions.Seed"/>, so the options alone fix a
/// new ranker.
/// </summary>
internal sealed partial class NetworkRanker : IDisposable
{
    private readonly BlockEncoding encoding;
    private readonly RankerNetwork network;
    private readonly RankerOptions options;
    private readonly ControllerAdam adam;
    private readonly string kind;

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
        var scores = network.Scores(network.Encode(encoding.Batch([@base, .. candidates])));
        return scores.data<float>().Select(s => (double)s).ToArray();
    }

    /// <summary>
    /// <see cref="RankerOptions.Epochs"/> passes over the rounds in their order, one Adam step per round that has a measured
    /// candidate (mean squared error between score and y over its measured candidates); returns the mean squared error over
    /// every measured candidate of the last pass, each taken before its round's step.
    /// </summary>
    public double Fit(IReadOnlyList<RankingRound> rounds)
    {
        CheckRounds(rounds);
        using var scope = torch.NewDisposeScope();
        var prepared = rounds.Select(Prepare).OfType<PreparedRound>().ToList();
        if (prepared.Count == 0)
        {
            throw new ArgumentException("rounds: no candidate has a measured y, so there is nothing to fit", nameof(rounds));
        }

        var measured = prepared.Sum(r => r.Count);
        var lastEpoch = double.NaN;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var sum = 0.0;
            foreach (var round in prepared)
            {
                using var step = torch.NewDisposeScope();
                var scores = network.Scores(network.Encode(round.Blocks)).index_select(0, round.Measured);
                var loss = torch.nn.functional.mse_loss(scores, round.Targets);
                adam.zero_grad();
                loss.backward();
                adam.step();
                sum += loss.item<double>() * round.Count;
            }

            lastEpoch = sum / measured;
        }

        adam.zero_grad();
        return lastEpoch;
    }

    public void Dispose()
    {
        adam?.Dispose();
        network.Dispose();
    }

    /// <summary>A round's networks as one batch, its measured candidates' indices and their y; null when none is measured.</summary>
    private PreparedRound? Prepare(RankingRound round)
    {
        var indices = new List<long>();
        var targets = new List<float>();
        for (var i = 0; i < round.Measured.Count; i++)
        {
            if (round.Measured[i] is { } y)
            {
                indices.Add(i);
                targets.Add((float)y);
            }
        }

        return indices.Count == 0
            ? null
            : new PreparedRound(encoding.Batch([round.Base, .. round.Candidates]), torch.tensor(indices.ToArray()), torch.tensor(targets.ToArray()), indices.Count);
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

    /// <param name="Blocks">The base and the candidates as block vectors, [blocks, 1 + candidates, width].</param>
    /// <param name="Measured">The indices of the measured candidates (int64).</param>
    /// <param name="Targets">Their y, in the same order.</param>
    private sealed record PreparedRound(Tensor Blocks, Tensor Measured, Tensor Targets, int Count);
}
