using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Dnas;

/// <summary>
/// Children drawn from a supernet's posterior: a candidate per layer from P_θ, with a channel search a width per layer,
/// with a resolution search an input resolution, each draw independent. Equal draws are one child: up to
/// <c>count</c> distinct ones are drawn, stopping after <see cref="TriesPerChild"/>·count draws (a sharp posterior may
/// hold fewer). A proposal's tokens are its indices (candidates, then widths, then resolution) and its log-probability
/// their summed log-probabilities.
/// </summary>
public static class SupernetDraws
{
    public const int TriesPerChild = 100;

    public static IReadOnlyList<Proposal> Distinct(SupernetPosterior posterior, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        posterior.ThrowIfInconsistent();
        var rng = new Xoshiro256StarStar(seed);
        var drawn = new List<Proposal>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var tries = 0; drawn.Count < count && tries < count * TriesPerChild; tries++)
        {
            var proposal = Draw(posterior, rng);
            if (names.Add(proposal.Architecture))
            {
                drawn.Add(proposal);
            }
        }
        return drawn;
    }

    private static Proposal Draw(SupernetPosterior posterior, Xoshiro256StarStar rng)
    {
        var tokens = new List<int>();
        var logProbability = 0.0;
        int Pick(IReadOnlyList<double> probabilities)
        {
            var index = Categorical.Invert(probabilities.ToArray(), rng.NextDouble());
            tokens.Add(index);
            logProbability += Math.Log(probabilities[index] / probabilities.Sum());
            return index;
        }

        var candidates = posterior.Distributions.Select(p => posterior.Candidates[Pick(p)]).ToList();
        var widths = posterior.WidthDistributions?.Select(p => posterior.Widths![Pick(p)]).ToList();
        int? resolution = posterior.ResolutionDistribution is { } r ? posterior.Resolutions![Pick(r)] : null;
        return new Proposal(new SupernetChildName(candidates, widths, resolution).ToString(), tokens, logProbability, 0);
    }
}
