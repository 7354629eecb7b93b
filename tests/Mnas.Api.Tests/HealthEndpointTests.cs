using System.Net;
using Mnas.Api.Health;
using Mnas.Grains;
using Mnas.Grains.Hosting;

namespace Mnas.Api.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task healthz_answers_that_the_process_is_alive()
    {
        await using var api = await TestApi.StartAsync();

        var alive = await api.GetAsync<AliveResponse>("/healthz");

        Assert.Equal("alive", alive.Status);
    }

    [Fact]
    public async Task readyz_answers_ready_when_the_store_answers()
    {
        await using var api = await TestApi.StartAsync();

        var ready = await api.GetAsync<ReadyResponse>("/readyz");

        Assert.Equal("ready", ready.Status);
        Assert.Equal(["store"], ready.Checked);
    }

    [Fact]
    public async Task readyz_answers_503_naming_the_store_when_the_store_is_closed()
    {
        await using var api = await TestApi.StartAsync();
        await api.Store.DisposeAsync();

        using var response = await api.Client.GetAsync("/readyz");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.Status);
        Assert.StartsWith("unreachable: store (ObjectDisposedException", problem.Detail);
        Assert.True(problem.Body.GetProperty("unreachable").TryGetProperty("store", out _));
        // healthz says only that the process is alive: it does not ask the store.
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task readyz_asks_the_cluster_and_names_it_once_its_silo_has_stopped()
    {
        var data = Directory.CreateTempSubdirectory("mnas-api-cluster-").FullName;
        try
        {
            var silo = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = 0 });
            await using var api = await TestApi.StartAsync(probes: new ClusterReadinessProbe(silo.Grains));

            var ready = await api.GetAsync<ReadyResponse>("/readyz");
            Assert.Equal(["store", "cluster"], ready.Checked);

            await silo.DisposeAsync();
            using var response = await api.Client.GetAsync("/readyz");
            var problem = await Problem.ReadAsync(response);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.Status);
            Assert.StartsWith("unreachable: cluster (", problem.Detail);
            var unreachable = problem.Body.GetProperty("unreachable");
            Assert.True(unreachable.TryGetProperty("cluster", out _));
            Assert.False(unreachable.TryGetProperty("store", out _));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task an_unknown_path_answers_404_as_problem_details()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("/api/v1/nothing-here");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, problem.Status);
    }
}
