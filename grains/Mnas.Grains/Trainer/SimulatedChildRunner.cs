using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;

namespace Mnas.Grains.Trainer;

/// <summary>
/// A worker pipeline that trains and measures nothing: it waits <see cref="RuntimeOptions.SimulatedSeconds"/> (stopping
/// at once when cancelled) and answers with metrics that are a fixed function of the architecture, with a short synthetic
/// training curve. For exercising a deployment — placement, hand-backs, failover — without spending machines on training; never
/// for a search's results. A latency job waits a fifth of that time.
/// </summary>
public sealed class SimulatedChildRunner(RuntimeOptions options) : IChildRunner
{
    public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
    {
        await Task.Delay(options.SimulatedSeconds, cancellation);
        return Answer(request, options.SimulatedSeconds.TotalSeconds);
    }

    public async Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation)
    {
        await Task.Delay(options.SimulatedSeconds / 5, cancellation);
        return Latency(request);
    }

    /// <summary>A latency table job that times nothing: after a fifth of <see cref="RuntimeOptions.SimulatedSeconds"/>, <see cref="OperatorLatencies"/>.</summary>
    public async Task<Dictionary<string, double>> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation)
    {
        await Task.Delay(options.SimulatedSeconds / 5, cancellation);
        return OperatorLatencies(request);
    }

    /// <summary>
    /// The simulated latency of each operator a latency table job names: a fixed function of its multiply-adds (a
    /// millionth of a millisecond each, on top of a hundredth of one), so larger operators cost more. A key none of the
    /// job's architectures holds is refused, as a real worker refuses it.
    /// </summary>
    public static Dictionary<string, double> OperatorLatencies(TrainChild request)
    {
        var (architectures, keys) = LatencyTableRequests.Read(request);
        var macs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var op in architectures.SelectMany(NetworkOperators.Of))
        {
            macs.TryAdd(op.Key, op.Macs);
        }
        var missing = keys.Where(k => !macs.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"operators {string.Join(", ", missing)}: in none of the architectures given", nameof(request));
        }
        return keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => 0.01 + macs[k] / 1e6, StringComparer.Ordinal);
    }

    /// <summary>
    /// A supernet that trains nothing: one epoch per <see cref="RuntimeOptions.SimulatedSeconds"/>, from the epoch the
    /// carried state names, each with distributions that sharpen as epochs pass (a fixed function of the layer, candidate
    /// and epoch), and the state being the number of epochs done.
    /// </summary>
    public async Task<SupernetTrained> TrainSupernetAsync(TrainChild request, Func<SupernetEpochReported, Task> onEpoch, CancellationToken cancellation)
    {
        var spec = CampaignSpecLoader.FromJson(request.SpecJson);
        var job = SupernetRequests.For(spec, request.Strategy ?? "fbnet", request.SupernetState);
        var space = new SupernetSpace(SupernetFrames.Target(spec), job.Candidates.Select(SupernetCandidate.Parse).ToList());
        var done = request.SupernetState is { Length: sizeof(int) } state ? BitConverter.ToInt32(state) : 0;
        if (job.Spos is { } spos)
        {
            return await TrainSinglePathAsync(request, job, spos, space, done, onEpoch, cancellation);
        }
        IReadOnlyList<IReadOnlyList<double>> distributions = [];
        for (var epoch = done + 1; epoch <= job.Options.Epochs; epoch++)
        {
            await Task.Delay(options.SimulatedSeconds, cancellation);
            distributions = space.Positions.Select(p => Softmax(space.Candidates.Select((c, i) => space.Offers(p.Index, i)
                ? epoch * (double)(StableHash($"{p.Index}:{c.Name}") % 5) / job.Options.Epochs
                : double.NegativeInfinity).ToArray())).ToArray();
            await onEpoch(new SupernetEpochReported(request.CampaignId, request.Attempt, request.WorkerId, epoch, job.Options.Temperature(epoch),
                2.0 / epoch, 1.5 / epoch, epoch > job.Options.WarmupEpochs, 10.0 - epoch / 10.0, distributions, Uniform(job.Widths, space.Positions.Count),
                job.Resolutions is { } r ? Uniform(r.Count) : null, options.SimulatedSeconds.TotalSeconds, BitConverter.GetBytes(epoch)));
        }
        var posterior = new SupernetPosterior(job.Candidates, distributions, job.Widths, Uniform(job.Widths, space.Positions.Count), job.Resolutions,
            job.Resolutions is { } resolutions ? Uniform(resolutions.Count) : null, 10.0 - job.Options.Epochs / 10.0, job.Options.Epochs);
        return new SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, true, null, posterior.ToJson());
    }

    /// <summary>
    /// A single-path supernet that trains nothing: its epochs as fbnet's, each with a BN indicator that is a fixed function
    /// of the layer, candidate and epoch; its costs counted exactly but its lookup table holding a fixed function of each
    /// operator instead of a timing.
    /// </summary>
    private async Task<SupernetTrained> TrainSinglePathAsync(TrainChild request, SupernetJobRequest job, SposOptions spos, SupernetSpace space, int done,
        Func<SupernetEpochReported, Task> onEpoch, CancellationToken cancellation)
    {
        var table = new LatencyTable("simulated", 1);
        foreach (var op in space.CandidateArchitectures().SelectMany(NetworkOperators.Of))
        {
            table.Set(op.Key, 0.05 + StableHash(op.Key) % 100 / 1000.0);
        }
        using var lookup = SupernetLatency.From(space, table);
        var costs = SupernetCostTable.Of(space, lookup);
        var distributions = space.Positions.Select(p => (IReadOnlyList<double>)Uniform(space.Candidates.Select((_, c) => space.Offers(p.Index, c)).ToArray()))
            .ToArray();
        var expected = costs.Fixed.LatencyMs + costs.Layers.Select((layer, p) => layer.Select((cost, c) => distributions[p][c] * (cost?.LatencyMs ?? 0)).Sum()).Sum();
        IReadOnlyList<IReadOnlyList<double>> Scores(int epoch) => space.Positions.Select(p => (IReadOnlyList<double>)space.Candidates
            .Select((c, i) => space.Offers(p.Index, i) ? 0.5 + StableHash($"{p.Index}:{c.Name}:{epoch % 3}") % 50 / 100.0 : 0).ToArray()).ToArray();
        var scores = Scores(done);
        for (var epoch = done + 1; epoch <= spos.Epochs; epoch++)
        {
            await Task.Delay(options.SimulatedSeconds, cancellation);
            var next = Scores(epoch);
            var distance = epoch == 1 ? (double?)null : RankingDistance.Between(scores, next, space.Offers);
            scores = next;
            await onEpoch(new SupernetEpochReported(request.CampaignId, request.Attempt, request.WorkerId, epoch, 0, 2.0 / epoch, 1.5 / epoch, false, expected,
                distributions, null, null, options.SimulatedSeconds.TotalSeconds, BitConverter.GetBytes(epoch), scores, distance));
        }
        var posterior = new SupernetPosterior(job.Candidates, distributions, null, null, null, null, expected, spos.Epochs) { Scores = scores, Costs = costs };
        return new SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, true, null, posterior.ToJson());
    }

    private static double[] Uniform(bool[] offered) => offered.Select(o => o ? 1.0 / offered.Count(x => x) : 0).ToArray();

    private static double[] Softmax(double[] logits)
    {
        var top = logits.Max();
        var weights = logits.Select(l => Math.Exp(l - top)).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    private static double[] Uniform(int count) => Enumerable.Repeat(1.0 / count, count).ToArray();

    private static IReadOnlyList<IReadOnlyList<double>>? Uniform(IReadOnlyList<double>? widths, int layers) =>
        widths is null ? null : Enumerable.Range(0, layers).Select(_ => (IReadOnlyList<double>)Uniform(widths.Count)).ToArray();

    /// <summary>The simulated latency of <paramref name="request"/>'s architecture.</summary>
    public static double Latency(TrainChild request) => 5 + StableHash(request.ArchitectureJson) / 4000 % 3000 / 100.0;

    /// <summary>The simulated answer to <paramref name="request"/>: the same for the same architecture, different for others.</summary>
    public static ChildEvaluated Answer(TrainChild request, double trainSeconds)
    {
        var hash = StableHash(request.ArchitectureJson);
        var accuracy = 0.5 + hash % 4000 / 10000.0;
        // A training job answers with the latency measured for it elsewhere.
        var latency = request.LatencyMs ?? Latency(request);
        return new ChildEvaluated(request.CampaignId, request.Sequence, request.Attempt, true, null, accuracy, latency, 1000 + (long)(hash % 1000),
            100_000 + (long)(hash % 7), 4096, trainSeconds, Curve(accuracy));
    }

    /// <summary>Three synthetic epochs rising to <paramref name="accuracy"/> as the loss falls.</summary>
    private static TrainedEpoch[] Curve(double accuracy) =>
        [new(1, 2.0, accuracy * 0.6), new(2, 1.2, accuracy * 0.85), new(3, 0.8, accuracy)];

    private static uint StableHash(string text)
    {
        unchecked
        {
            var h = 2166136261;
            foreach (var c in text)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }
}
