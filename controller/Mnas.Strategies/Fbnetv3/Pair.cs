using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>An architecture–recipe pair: a sample of the spec's space and how it trains, named as its child is (<see cref="RecipeChildName"/>).</summary>
internal sealed class Pair
{
    public Pair(Sample sample, Recipe recipe)
    {
        Sample = sample ?? throw new ArgumentNullException(nameof(sample));
        Recipe = recipe ?? throw new ArgumentNullException(nameof(recipe));
        Name = RecipeChildName.Of(sample.Canonical, recipe);
    }

    public Sample Sample { get; }

    public Recipe Recipe { get; }

    public string Name { get; }

    /// <summary>The child to train: the name as its architecture, the sample's tokens, no log-probability (nothing was sampled from a policy).</summary>
    public Proposal ToProposal(long policyVersion) => new(Name, Sample.ToTokens(), 0, policyVersion);

    /// <summary>The pair a child's name stands for, in this space.</summary>
    public static Pair Parse(ModelSpace space, string name)
    {
        ArgumentNullException.ThrowIfNull(space);
        var (sample, recipe) = RecipeChildName.Parse(name);
        return new Pair(space.Parse(sample), recipe);
    }

    public override string ToString() => Name;
}
