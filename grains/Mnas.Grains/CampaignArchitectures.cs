using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;

namespace Mnas.Grains;

/// <summary>
/// What the architecture a child of a campaign names is: a sample of the spec's space (rl, random: MnasNet's
/// block-wise space), a sample with the recipe it trains by (fbnetv3, see <see cref="RecipeChildName"/>), or a child
/// taken from the campaign's supernet (fbnet, fbnetv2, bn-nas: a candidate per searchable layer, with widths and an
/// input resolution for fbnetv2, see <see cref="SupernetChildName"/>).
/// </summary>
public sealed class CampaignArchitectures
{
    private readonly CampaignSpec spec;
    private readonly IReadOnlyList<string> candidateNames;
    private readonly ModelSpace? space;
    private readonly SupernetSpace? supernet;
    private readonly WidthSearch? widths;
    private readonly bool recipes;

    private CampaignArchitectures(CampaignSpec spec, string strategy)
    {
        this.spec = spec;
        recipes = PredictorStrategies.SearchesRecipes(strategy);
        candidateNames = SupernetStrategies.Candidates(spec, strategy);
        if (!SupernetStrategies.Includes(strategy))
        {
            space = new ModelSpace(spec);
            return;
        }
        var candidates = candidateNames.Select(SupernetCandidate.Parse).ToList();
        if (strategy == SupernetStrategies.Fbnetv2)
        {
            widths = new WidthSearch(SupernetFrames.Target(spec), candidates, spec.Dnas.Widths);
        }
        else
        {
            supernet = new SupernetSpace(SupernetFrames.Target(spec), candidates);
        }
    }

    /// <summary>The campaign's architectures, by its spec and the strategy its stored settings name.</summary>
    public static CampaignArchitectures For(CampaignSpec spec, string strategy) => new(spec, strategy);

    /// <summary>The spec's block-wise space (rl, random, fbnetv3), or null for a campaign that draws its children from a supernet.</summary>
    public ModelSpace? Space => space;

    /// <summary>The sample a child's architecture is in the spec's space (an fbnetv3 child's without its recipe), or null for a supernet's child.</summary>
    public Sample? Sample(string architecture) => space?.Parse(recipes ? RecipeChildName.Parse(architecture).Sample : architecture);

    /// <summary>
    /// The spec a child trains by, as the JSON its job carries: an fbnetv3 child's with its recipe in the proxy task's
    /// place (<see cref="Recipe.ApplyTo(CampaignSpec)"/>), any other child's the campaign's own (<paramref name="campaignSpecJson"/>).
    /// </summary>
    public string TrainingSpecJson(string architecture, string campaignSpecJson) =>
        recipes ? CampaignSpecWriter.ToJson(RecipeChildName.Parse(architecture).Recipe.ApplyTo(spec)) : campaignSpecJson;

    /// <summary>The input sub-sampling factor of a child's architecture: above 1 for a child a resolution search drew below the full input.</summary>
    public int Resolution(string architecture) => space == null ? SupernetChildName.Parse(architecture).Resolution ?? 1 : 1;

    /// <summary>The network a child's architecture names, as the target sees it; a name the campaign cannot have is refused naming what is wrong.</summary>
    public Architecture Target(string architecture)
    {
        if (space != null)
        {
            return space.Freeze(Sample(architecture)!);
        }
        var name = SupernetChildName.Parse(architecture);
        var layers = (supernet ?? widths!.Widest).Positions.Count;
        if (name.Candidates.Count != layers)
        {
            throw new ArgumentException($"'{architecture}': {name.Candidates.Count} candidates for {layers} searchable layers", nameof(architecture));
        }
        var candidates = name.Candidates.Select(c => IndexOf(candidateNames, c, "candidate", architecture)).ToList();
        if (supernet != null)
        {
            if (name.Widths != null || name.Resolution != null)
            {
                throw new ArgumentException($"'{architecture}': a child of this supernet has no widths or resolution", nameof(architecture));
            }
            return supernet.ToArchitecture(candidates, architecture);
        }
        if (name.Widths == null)
        {
            throw new ArgumentException($"'{architecture}': an fbnetv2 child names a width per layer", nameof(architecture));
        }
        var choice = new SupernetChoice(candidates, name.Widths.Select(w => IndexOf(spec.Dnas.Widths, w, "width", architecture)).ToList());
        var target = widths!.ToArchitecture(choice, architecture);
        if (name.Resolution is not { } factor)
        {
            return target;
        }
        IndexOf(spec.Dnas.Resolutions, factor, "resolution", architecture);
        return SupernetResolution.Apply(target, factor);
    }

    private static int IndexOf<T>(IReadOnlyList<T> options, T value, string what, string architecture)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(options[i], value))
            {
                return i;
            }
        }
        throw new ArgumentException($"'{architecture}': {what} {value} is not one of the campaign's ({string.Join(", ", options)})", nameof(architecture));
    }
}
