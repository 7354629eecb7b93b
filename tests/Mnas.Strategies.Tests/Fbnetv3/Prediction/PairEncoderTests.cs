using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Tests.Fbnetv3.Prediction;

public sealed class PairEncoderTests
{
    private static readonly ModelSpace Space = new(SyntheticPairs.Spec);
    private static readonly RecipeSpace Recipes = new(new RecipeSpaceSpec());

    [Fact]
    public void a_pair_is_a_one_hot_block_per_decision_followed_by_the_recipe_features()
    {
        var encoder = new PairEncoder(Space, Recipes, recipeBins: 0);
        var choices = Space.Decisions.Sum(d => d.Choices.Count);
        Assert.Equal(choices + Recipes.Features, encoder.Features);

        var rng = new Random(5);
        var sample = Space.Random(rng);
        var recipe = Recipes.Random(rng);
        var features = encoder.Encode(sample, recipe);
        Assert.Equal(encoder.Features, features.Length);
        var offset = 0;
        foreach (var decision in Space.Decisions)
        {
            var block = features.AsSpan(offset, decision.Choices.Count).ToArray();
            var expected = new float[decision.Choices.Count];
            expected[sample[decision.Name]] = 1;
            Assert.Equal(expected, block);
            offset += decision.Choices.Count;
        }

        Assert.Equal(Recipes.Encode(recipe).Select(v => (float)v).ToArray(), features[offset..]);
    }

    [Fact]
    public void each_numeric_recipe_feature_is_then_spread_over_bins_that_fill_up_to_its_value()
    {
        var bare = new PairEncoder(Space, Recipes, recipeBins: 0);
        var encoder = new PairEncoder(Space, Recipes, recipeBins: 4);
        var numeric = Recipes.Dimensions - 1;
        Assert.Equal(bare.Features + 4 * numeric, encoder.Features);

        var rng = new Random(8);
        var sample = Space.Random(rng);
        var unit = Recipes.Unit(Recipes.Random(rng));
        unit[1] = 0.6; // the learning rate, on its log scale: 2.4 bins of 4 full
        var recipe = Recipes.At(unit);
        var features = encoder.Encode(sample, recipe);
        Assert.Equal(bare.Encode(sample, recipe), features[..bare.Features]);
        var learningRate = features[bare.Features - numeric];
        var bins = features.AsSpan(bare.Features, 4).ToArray();
        Assert.Equal(new[] { 1f, 1f, 0f }, new[] { bins[0], bins[1], bins[3] });
        Assert.Equal(4 * learningRate - 2, bins[2], 5);
        Assert.InRange(learningRate, 0.59f, 0.61f);
        var spread = features[bare.Features..].Chunk(4).ToArray();
        for (var i = 0; i < numeric; i++)
        {
            Assert.Equal(features[bare.Features - numeric + i], spread[i].Sum() / 4, 5);
        }
    }

    [Fact]
    public void pairs_that_differ_in_one_choice_differ_in_two_features()
    {
        var encoder = new PairEncoder(Space, Recipes);
        var rng = new Random(6);
        var sample = Space.Random(rng);
        var recipe = Recipes.Random(rng);
        var tokens = sample.ToTokens();
        var position = Space.Decisions.Select((d, i) => (d, i)).First(p => p.d.Name == "b3.kernel").i;
        tokens[position] = 1 - tokens[position];
        var changed = Space.FromTokens(tokens);
        var differences = encoder.Encode(sample, recipe).Zip(encoder.Encode(changed, recipe)).Count(p => p.First != p.Second);
        Assert.Equal(2, differences);
    }

    [Fact]
    public void a_sample_of_another_space_is_refused()
    {
        var encoder = new PairEncoder(Space, Recipes);
        var other = new ModelSpace(new CampaignSpec { Skeleton = SyntheticPairs.Spec.Skeleton with { Blocks = SyntheticPairs.Spec.Skeleton.Blocks.Take(2).ToArray() } });
        var rng = new Random(7);
        Assert.Throws<KeyNotFoundException>(() => encoder.Encode(other.Random(rng), Recipes.Random(rng)));
    }
}
