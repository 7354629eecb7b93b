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
/// names widths, and its resolution search when it names resolutions: then every candidate is timed at the target's
/// input down-sampled by each factor too), its state handed out after every epoch, and architectures sampled from P_θ
/// at the end, as the target sees them (at their resolution).
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
        var resolutions = request.Resolutions is { } factors ? SupernetResolution.Check(factors, nameof(request)) : null;
        // The target's frame at every factor (just the target without a resolution search): the frames the table times.
        var targetFrames = (resolutions ?? [1]).Select(r => SupernetResolution.Apply(targetFrame, r)).ToList();
        var targetWidths = request.Widths is { } multipliers ? targetFrames.Select(f => new WidthSearch(f, candidates, multipliers)).ToList() : null;
        WidthSearch? proxyWidths = request.Widths is { } same ? new WidthSearch(proxyFrame, candidates, same) : null;
        var targets = targetWidths?.Select(w => w.Widest).ToList() ?? targetFrames.Select(f => new SupernetSpace(f, candidates)).ToList();
        var proxy = proxyWidths?.Widest ?? new SupernetSpace(proxyFrame, candidates);
        var differing = targets[0].Positions.Where(p => p.Skippable != proxy.Positions[p.Index].Skippable).Select(p => p.Index).ToList();
        if (differing.Count > 0)
        {
            throw new ArgumentException(
                $"spec.skeleton: the proxy view changes which layers may be skipped (positions {string.Join(", ", differing)}): give those layers stride 1 or other channels");
        }
        LatencyLookup.Fill(table, (targetWidths?.SelectMany(w => w.Spaces) ?? targets).SelectMany(s => s.CandidateArchitectures()), latency);
        using var lookup = (targetWidths, resolutions) switch
        {
            (null, null) => SupernetLatency.From(targets[0], table),
            ({ } widths, null) => SupernetLatency.From(widths[0], table),
            (null, _) => SupernetLatency.From(targets, table),
            ({ } widths, _) => SupernetLatency.From(widths, table),
        };
        using var search = (request.ResumeState, proxyWidths) switch
        {
            ({ } state, null) => DnasSearch.Restore(proxy, lookup, request.Options, recipe, state, resolutions),
            ({ } state, { } widths) => DnasSearch.Restore(widths, lookup, request.Options, recipe, state, resolutions),
            (null, null) => new DnasSearch(proxy, lookup, request.Options, recipe, resolutions),
            (null, { } widths) => new DnasSearch(widths, lookup, request.Options, recipe, resolutions),
        };
        var epochs = search.Run(weights, architecture, onEpoch == null ? null : epoch => onEpoch(epoch, search.SaveState()), cancellation);
        var sampled = search.Sample(request.Options.Samples, request.SampleSeed)
            .Select(choice => new SampledArchitecture(choice, TargetOf(choice, targets, targetWidths, resolutions), lookup.Of(choice)))
            .ToList();
        return new DnasOutcome(epochs, search.Distributions(), search.WidthDistributions(), search.ResolutionDistribution(), search.ExpectedLatencyMs(),
            sampled);
    }

    /// <summary>The target's architecture of a choice: at its resolution (named with its factor) when resolutions are searched.</summary>
    private static Architecture TargetOf(SupernetChoice choice, IReadOnlyList<SupernetSpace> targets, IReadOnlyList<WidthSearch>? widths,
        IReadOnlyList<int>? resolutions)
    {
        var r = choice.Resolution ?? 0;
        var architecture = widths?[r].ToArchitecture(choice) ?? targets[r].ToArchitecture(choice.Candidates);
        return resolutions is null ? architecture : architecture with { Name = SupernetResolution.Name(architecture.Name, resolutions[r]) };
    }
}
