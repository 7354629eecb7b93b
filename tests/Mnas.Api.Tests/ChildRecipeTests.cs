using Mnas.Api.Children;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

/// <summary>An fbnetv3 child's recipe, which its name carries, shown field by field in the children list and in the child's detail.</summary>
public sealed class ChildRecipeTests : IAsyncLifetime
{
    private TestApi api = null!;
    private Fbnetv3Seed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new Fbnetv3Seed(api.Store);
        await seed.CreateAsync("v3");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task a_child_named_with_its_recipe_shows_the_recipe_in_the_list_and_in_its_detail()
    {
        await seed.DoneChildAsync("v3", 1, Fbnetv3Seed.Sgd, 0.5);
        await seed.DoneChildAsync("v3", 2, Fbnetv3Seed.AdamW, 0.625);

        var page = await api.GetAsync<ChildPage>("/api/v1/campaigns/v3/children?sort=sequence&order=asc");
        var detail = await api.GetAsync<ChildDetail>("/api/v1/campaigns/v3/children/2");

        Assert.Equal([Fbnetv3Seed.Name(1, Fbnetv3Seed.Sgd), Fbnetv3Seed.Name(2, Fbnetv3Seed.AdamW)], page.Items.Select(c => c.Architecture));
        Assert.Equal([Expected(Fbnetv3Seed.Sgd), Expected(Fbnetv3Seed.AdamW)], page.Items.Select(c => c.Recipe));
        Assert.Equal(Expected(Fbnetv3Seed.AdamW), detail.Recipe);
    }

    [Fact]
    public async Task the_recipe_is_served_with_the_apis_snake_case_names()
    {
        await seed.DoneChildAsync("v3", 1, Fbnetv3Seed.AdamW, 0.5);

        var json = await api.Client.GetStringAsync("/api/v1/campaigns/v3/children/1");

        Assert.Contains(
            "\"recipe\":{\"optimizer\":\"adamw\",\"learning_rate\":0.0021,\"weight_decay\":0.05,\"epochs\":5,\"batch_size\":32,\"label_smoothing\":0," +
            "\"dropout\":0.15,\"stochastic_depth\":0,\"mixup_alpha\":0.2,\"ema_decay\":0.999}", json);
    }

    [Fact]
    public async Task a_child_of_another_strategy_or_with_a_name_that_is_not_a_recipe_has_none()
    {
        await new CampaignSeed(api.Store).CreateAsync("rl");
        await new CampaignSeed(api.Store).DoneAsync("rl", 1, 0.5, 10, 0.5);
        await api.Store.AddChildAsync(new Child("v3", 1, "b1.op=mbconv | optimizer=sgd lr=fast", [1], 0, 0, ChildStatus.Sampled, 1, null, null, null, TestApi.Start));

        var rl = await api.GetAsync<ChildDetail>("/api/v1/campaigns/rl/children/1");
        var odd = await api.GetAsync<ChildPage>("/api/v1/campaigns/v3/children");
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/rl/children");

        Assert.Null(rl.Recipe);
        Assert.Null(Assert.Single(odd.Items).Recipe);
        Assert.Contains("\"recipe\":null", json);
    }

    private static RecipeItem Expected(SearchSpace.Recipes.Recipe r) =>
        new(r.Optimizer, r.LearningRate, r.WeightDecay, r.Epochs, r.BatchSize, r.LabelSmoothing, r.Dropout, r.StochasticDepth, r.MixupAlpha, r.EmaDecay);
}
