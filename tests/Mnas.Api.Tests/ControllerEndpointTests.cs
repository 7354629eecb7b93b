using System.Net;
using Mnas.Api.Controller;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

public sealed class ControllerEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        await new CampaignSeed(api.Store).CreateAsync("c1");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_controller_history_lists_each_update_in_version_order()
    {
        await api.Store.AppendControllerUpdateAsync(new ControllerUpdateRecord("c1", 2, TestApi.Start.AddMinutes(2), 20, 0.55, 0.5, 1.1));
        await api.Store.AppendControllerUpdateAsync(new ControllerUpdateRecord("c1", 1, TestApi.Start.AddMinutes(1), 20, 0.5, 0.45, 1.2));

        var history = await api.GetAsync<ControllerHistoryResponse>("/api/v1/campaigns/c1/controller");
        var json = await api.Client.GetStringAsync("/api/v1/campaigns/c1/controller");

        Assert.Equal(
            [new ControllerUpdateItem(1, TestApi.Start.AddMinutes(1), 20, 0.5, 0.45, 1.2), new ControllerUpdateItem(2, TestApi.Start.AddMinutes(2), 20, 0.55, 0.5, 1.1)],
            history.Updates);
        Assert.StartsWith("{\"updates\":[{\"version\":1,\"at\":", json);
        Assert.Contains("\"children\":20,\"mean_reward\":0.5,\"baseline\":0.45,\"entropy\":1.2", json);
    }

    [Fact]
    public async Task a_campaign_without_updates_has_an_empty_history_and_an_unknown_one_is_404()
    {
        var history = await api.GetAsync<ControllerHistoryResponse>("/api/v1/campaigns/c1/controller");
        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/controller");

        Assert.Empty(history.Updates);
        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(unknown)).Status);
    }
}
