using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
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
