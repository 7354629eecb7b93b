using Mnas.Store.Postgres;
using Mnas.Store.Tests.Conformance;

namespace Mnas.Store.Tests.Postgres;

/// <summary>The conformance suite against a real PostgreSQL server, each test in a database of its own, and what is particular to PostgreSQL.</summary>
public sealed class PostgresCampaignStoreTests : CampaignStoreConformance
{
    private PostgresTestDatabase _database = null!;

    public override async Task InitializeAsync()
    {
        _database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override async Task<ICampaignStore> OpenStoreAsync() => await OpenAsync();

    [Fact]
    public async Task the_store_lives_in_the_mnas_schema_at_the_current_version()
    {
        await CreateCampaignAsync();

        Assert.Equal(PostgresStoreOptions.DefaultSchema, ((PostgresCampaignStore)Store).Schema);
        Assert.Equal(1L, await _database.ScalarAsync("SELECT COUNT(*) FROM mnas.campaigns;"));
        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
    }

    [Fact]
    public async Task times_are_kept_as_utc_ticks_and_offset_minutes()
    {
        await Store.CreateCampaignAsync(NewCampaign() with { CreatedAt = T0 });

        Assert.Equal(T0.UtcTicks, await _database.ScalarAsync("SELECT created_utc_ticks FROM mnas.campaigns;"));
        Assert.Equal((short)120, await _database.ScalarAsync("SELECT created_offset_minutes FROM mnas.campaigns;"));
    }

    [Fact]
    public async Task stores_in_two_schemas_of_one_database_are_kept_apart()
    {
        await CreateCampaignAsync("c1");
        await using var other = await OpenAsync(schema: "other_store");

        await other.CreateCampaignAsync(NewCampaign("c2"));

        Assert.Equal(["c1"], (await Store.ListCampaignsAsync()).Select(c => c.Id));
        Assert.Equal(["c2"], (await other.ListCampaignsAsync()).Select(c => c.Id));
        Assert.Equal("other_store", other.Schema);
    }

    [Fact]
    public async Task two_stores_on_one_database_see_each_others_writes()
    {
        await CreateCampaignAsync();
        await using var second = await OpenAsync();

        await RunTogetherAsync(2, async i =>
        {
            var store = i == 0 ? Store : second;
            for (var n = 0; n < 20; n++)
            {
                await store.AppendEventAsync("c1", "tick", $"{i}/{n}", T0);
            }

            return i;
        });

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), (await second.ListEventsAsync("c1")).Select(e => e.Id));
    }

    [Fact]
    public async Task a_disposed_store_refuses_further_use()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListCampaignsAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CreateCampaignAsync(NewCampaign()));
    }

    private Task<PostgresCampaignStore> OpenAsync(string schema = PostgresStoreOptions.DefaultSchema) =>
        PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = _database.ConnectionString, Schema = schema });
}
