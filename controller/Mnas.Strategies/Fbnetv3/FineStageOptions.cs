using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// The fine stage's settings (FBNetV3's adaptive evolution): candidates made per iteration, how many of the best are kept,
/// the chance that a mutation re-draws a decision or a recipe dimension, at most so many iterations, the least rise of the
/// best predicted accuracy that goes on, and the mutations' seed. Check them with <see cref="FineStageOptionsValidator"/>.
/// </summary>
public sealed record FineStageOptions
{
    public int Population { get; init; } = 64;

    public int TopK { get; init; } = 16;

    public double MutationProbability { get; init; } = 0.2;

    public int MaxIterations { get; init; } = 30;

    public double Threshold { get; init; } = 0.001;

    public ulong Seed { get; init; }

    /// <summary>The fine stage a campaign's fbnetv3 section asks for, its mutations drawn from the campaign's seed.</summary>
    public static FineStageOptions From(Fbnetv3Spec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new FineStageOptions
        {
            Population = spec.Population, TopK = spec.TopK, MutationProbability = spec.MutationProbability, MaxIterations = spec.MaxIterations,
            Threshold = spec.Threshold, Seed = StageSeeds.Fine(seed),
        };
    }
}
