using Mnas.Campaigns;
using Mnas.Store.Postgres;

namespace Mnas.Store.Tests.Postgres;

/// <summary>A store outlives its server going down: its pooled connections die, and the next transaction is retried on new ones.</summary>
public sealed class PostgresRestartTests(RestartableServer server) : IClassFixture<RestartableServer>
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(2));

    [Fact]
    public async Task a_store_keeps_working_after_the_server_restarts_between_two_writes()
    {
        await using var store = await OpenAsync("between_writes");
        await store.CreateCampaignAsync(new Campaign("c1", "one", "{}", "rl", 1, CampaignStatus.Running, At));
        await store.AppendEventAsync("c1", "started", "before the restart", At);

        await server.StopAsync();
        await server.StartAsync();
        var after = await store.AppendEventAsync("c1", "resumed", "after the restart", At.AddMinutes(1));

        Assert.Equal(2, after.Id);
        Assert.Equal(["before the restart", "after the restart"], (await store.ListEventsAsync("c1")).Select(e => e.Message));
    }

    [Fact]
    public async Task a_write_made_while_the_server_is_down_completes_once_it_is_back()
    {
        await using var store = await OpenAsync("while_down");
        await store.CreateCampaignAsync(new Campaign("c1", "one", "{}", "rl", 1, CampaignStatus.Running, At));

        await server.StopAsync();
        var write = store.AddChildAsync(new Child("c1", 1, "arch-1", [1, 2], -0.5, 0, ChildStatus.Sampled, 0, null, null, null, At));
        await server.StartAsync();
        await write;

        Assert.Equal("arch-1", (await store.GetChildAsync("c1", 1))!.Architecture);
    }

    private Task<PostgresCampaignStore> OpenAsync(string schema) =>
        PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = server.ConnectionString, Schema = schema });
}
