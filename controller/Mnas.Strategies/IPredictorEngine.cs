using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>An engine that can also cost architectures without training them and keep a predictor-driven search's steps, for FBNetV3 (<c>fbnetv3</c>).</summary>
public interface IPredictorEngine : ISearchEngine
{
    /// <summary>
    /// The costs of each sample's target view, in order: latency by the campaign's lookup table (operators the table lacks
    /// are timed first, on a worker of the target's device class, and kept), parameters, multiply-adds, peak activation bytes.
    /// </summary>
    ValueTask<IReadOnlyList<ArchitectureCosts>> CostsAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation);

    /// <summary>Keeps a step of the search for the campaign's record; a step with a number kept before (a resumed campaign's) replaces it.</summary>
    ValueTask ReportRoundAsync(SearchRound round, CancellationToken cancellation);
}
