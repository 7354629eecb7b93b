using System.Net;
using System.Net.Sockets;
using Mnas.Api.Health;
using Mnas.Grains;

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

    [Fact]
    public async Task readyz_answers_503_naming_the_broker_when_nothing_listens_where_it_should_be()
    {
        await using var broker = new BrokerReadinessProbe(new RabbitMqOptions { Host = "127.0.0.1", Port = ClosedPort() });
        await using var api = await TestApi.StartAsync(probes: broker);

        using var response = await api.Client.GetAsync("/readyz");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.Status);
        Assert.StartsWith("unreachable: broker (127.0.0.1:", problem.Detail);
        var unreachable = problem.Body.GetProperty("unreachable");
        Assert.True(unreachable.TryGetProperty("broker", out _));
        Assert.False(unreachable.TryGetProperty("store", out _));
    }

    [Fact]
    public async Task an_unknown_path_answers_404_as_problem_details()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("/api/v1/nothing-here");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, problem.Status);
    }

    /// <summary>A loopback port nothing listens on: one the system just handed out and took back.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
