using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>
/// A campaign's differentiable search as one job on one worker: the latency of every candidate at every position
/// timed on this worker's device at the target's input (the lookup table), the supernet trained on the proxy data
/// (<see cref="DnasSearch"/>, from a saved state when one is given; with FBNetV2's channel search when the request
/// names widths), its state handed out after every epoch, and architectures sampled from P_θ at the end, as the
/// target sees them.
/// </summary>
public static class SupernetJob
{
    public static DnasOutcome Run(SupernetJobRequest request, ITrainingData weights, ITrainingData architecture, InputShape proxyInput, int proxyClasses,
        LatencyTable table, LatencyOptions latency, TrainingOptions recipe, Action<DnasEpoch, byte[]>? onEpoch = null,
        CancellationToken cancellation = default)
    {
        var candidates = request.Candidates.Select(SupernetCandidate.Parse).ToList();
        var proxyFrame = SupernetFrames.Proxy(request.Spec, proxyInput, proxyClasses);
        var targetFrame = SupernetFrames.Target(request.Spec);
        WidthSearch? targetWidths = request.Widths is { } multipliers ? new WidthSearch(targetFrame, candidates, multipliers) : null;
        WidthSearch? proxyWidths = request.Widths is { } same ? new WidthSearch(proxyFrame, candidates, same) : null;
        var target = targetWidths?.Widest ?? new SupernetSpace(targetFrame, candidates);
        var proxy = proxyWidths?.Widest ?? new SupernetSpace(proxyFrame, candidates);
        var differing = target.Positions.Where(p => p.Skippable != proxy.Positions[p.Index].Skippable).Select(p => p.Index).ToList();
        if (differing.Count > 0)
        {
            throw new ArgumentException(
                $"spec.skeleton: the proxy view changes which layers may be skipped (positions {string.Join(", ", differing)}): give those layers stride 1 or other channels");
        }
        LatencyLookup.Fill(table, (targetWidths?.Spaces ?? [target]).SelectMany(s => s.CandidateArchitectures()), latency);
        using var lookup = targetWidths is null ? SupernetLatency.From(target, table) : SupernetLatency.From(targetWidths, table);
        using var search = (request.ResumeState, proxyWidths) switch
        {
            ({ } state, null) => DnasSearch.Restore(proxy, lookup, request.Options, recipe, state),
            ({ } state, { } widths) => DnasSearch.Restore(widths, lookup, request.Options, recipe, state),
            (null, null) => new DnasSearch(proxy, lookup, request.Options, recipe),
            (null, { } widths) => new DnasSearch(widths, lookup, request.Options, recipe),
        };
        var epochs = search.Run(weights, architecture, onEpoch == null ? null : epoch => onEpoch(epoch, search.SaveState()), cancellation);
        var sampled = search.Sample(request.Options.Samples, request.SampleSeed)
            .Select(choice => new SampledArchitecture(choice,
                targetWidths?.ToArchitecture(choice) ?? target.ToArchitecture(choice.Candidates), lookup.Of(choice)))
            .ToList();
        return new DnasOutcome(epochs, search.Distributions(), search.WidthDistributions(), search.ExpectedLatencyMs(), sampled);
    }
}
