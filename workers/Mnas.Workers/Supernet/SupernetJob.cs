using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>
/// A campaign's differentiable search as one job on one worker: the latency of every candidate at every position
/// timed on this worker's device at the target's input (the lookup table), the supernet trained on the proxy data
/// (<see cref="DnasSearch"/>, from a saved state when one is given), its state handed out after every epoch, and
/// architectures sampled from P_θ at the end, as the target sees them.
/// </summary>
public static class SupernetJob
{
    public static DnasOutcome Run(SupernetJobRequest request, ITrainingData weights, ITrainingData architecture, InputShape proxyInput, int proxyClasses,
        LatencyTable table, LatencyOptions latency, TrainingOptions recipe, Action<DnasEpoch, byte[]>? onEpoch = null,
        CancellationToken cancellation = default)
    {
        var candidates = request.Candidates.Select(SupernetCandidate.Parse).ToList();
        var target = new SupernetSpace(SupernetFrames.Target(request.Spec), candidates);
        var proxy = new SupernetSpace(SupernetFrames.Proxy(request.Spec, proxyInput, proxyClasses), candidates);
        var differing = target.Positions.Where(p => target.Positions[p.Index].Skippable != proxy.Positions[p.Index].Skippable).Select(p => p.Index).ToList();
        if (differing.Count > 0)
        {
            throw new ArgumentException(
                $"spec.skeleton: the proxy view changes which layers may be skipped (positions {string.Join(", ", differing)}): give those layers stride 1 or other channels");
        }
        LatencyLookup.Fill(table, target.CandidateArchitectures(), latency);
        using var lookup = SupernetLatency.From(target, table);
        using var search = request.ResumeState is { } state
            ? DnasSearch.Restore(proxy, lookup, request.Options, recipe, state)
            : new DnasSearch(proxy, lookup, request.Options, recipe);
        var epochs = search.Run(weights, architecture, onEpoch == null ? null : epoch => onEpoch(epoch, search.SaveState()), cancellation);
        var sampled = search.Sample(request.Options.Samples, request.SampleSeed)
            .Select((choices, i) => new SampledArchitecture(choices, target.ToArchitecture(choices), lookup.Of(choices)))
            .ToList();
        return new DnasOutcome(epochs, search.Distributions(), search.ExpectedLatencyMs(), sampled);
    }
}
