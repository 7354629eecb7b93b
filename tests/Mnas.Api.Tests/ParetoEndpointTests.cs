using System.Net;
using Mnas.Api.Pareto;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

public sealed class ParetoEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private CampaignSeed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new CampaignSeed(api.Store);
        await seed.CreateAsync("c1", """{"reward":{"latency_target_ms":15}}""");
        // Accuracy × latency: 1, 2 and 5 trade off; 3 is beaten by 1 (less accurate, slower), 4 by 2. Child 3 has the fewest parameters.
        await seed.DoneAsync("c1", 1, accuracy: 0.90, latencyMs: 30, reward: 0.5, parameters: 5000);
        await seed.DoneAsync("c1", 2, accuracy: 0.80, latencyMs: 10, reward: 0.6, parameters: 5000);
        await seed.DoneAsync("c1", 3, accuracy: 0.85, latencyMs: 40, reward: 0.4, parameters: 100);
        await seed.DoneAsync("c1", 4, accuracy: 0.70, latencyMs: 20, reward: 0.3, parameters: 5000);
        await seed.DoneAsync("c1", 5, accuracy: 0.95, latencyMs: 50, reward: 0.45, parameters: 5000);
        await seed.InStatusAsync("c1", 6, ChildStatus.Failed);
        await seed.InStatusAsync("c1", 7, ChildStatus.Training);
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_done_children_are_points_and_the_accuracy_latency_front_is_flagged()
    {
        var pareto = await api.GetAsync<ParetoResponse>("/api/v1/campaigns/c1/pareto");

        Assert.Equal(["accuracy", "latency_ms"], pareto.Objectives);
        Assert.Equal(15.0, pareto.TargetLatencyMs);
        Assert.Equal([1L, 2, 3, 4, 5], pareto.Points.Select(p => p.Sequence));
        Assert.Equal([1L, 2, 5], pareto.Points.Where(p => p.OnFront).Select(p => p.Sequence));
        var first = pareto.Points[0];
        Assert.Equal((0.90, 30.0, 5000L, 2000L, 3000L, 0.5, "arch-1"),
            (first.Accuracy, first.LatencyMs, first.Params, first.Macs, first.PeakActivationBytes, first.Reward!.Value, first.Architecture));
    }

    [Fact]
    public async Task chosen_objectives_change_the_front()
    {
        var pareto = await api.GetAsync<ParetoResponse>("/api/v1/campaigns/c1/pareto?objectives=params,accuracy,latency_ms");

        Assert.Equal(["accuracy", "latency_ms", "params"], pareto.Objectives);
        Assert.Equal([1L, 2, 3, 5], pareto.Points.Where(p => p.OnFront).Select(p => p.Sequence));
    }

    [Fact]
    public async Task every_objective_can_be_added()
    {
        var pareto = await api.GetAsync<ParetoResponse>("/api/v1/campaigns/c1/pareto?objectives=accuracy,latency_ms,peak_activation_bytes,params,macs");

        Assert.Equal(["accuracy", "latency_ms", "peak_activation_bytes", "params", "macs"], pareto.Objectives);
    }

    [Theory]
    [InlineData("objectives=accuracy,size")]
    [InlineData("objectives=accuracy")]
    [InlineData("objectives=latency_ms,params")]
    [InlineData("objectives=")]
    public async Task bad_objectives_are_a_400_naming_the_parameter(string query)
    {
        using var response = await api.Client.GetAsync($"/api/v1/campaigns/c1/pareto?{query}");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal(["objectives"], problem.Body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task the_front_of_an_unknown_campaign_is_404_and_of_one_without_done_children_empty()
    {
        await seed.CreateAsync("empty");

        using var unknown = await api.Client.GetAsync("/api/v1/campaigns/nope/pareto");
        var empty = await api.GetAsync<ParetoResponse>("/api/v1/campaigns/empty/pareto");

        Assert.Equal(HttpStatusCode.NotFound, (await Problem.ReadAsync(unknown)).Status);
        Assert.Empty(empty.Points);
        Assert.Equal(75.0, empty.TargetLatencyMs);
    }
}
