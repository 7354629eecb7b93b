using Mnas.Campaigns;
using Mnas.Store.Postgres;

namespace Mnas.Store.Tests.Postgres;

/// <summary>How the store brings a database's schema to its version: once, under a lock, never past what it knows.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    private PostgresStoreOptions Options => new() { ConnectionString = _database.ConnectionString };

    public async Task InitializeAsync() => _database = await PostgresTestServer.CreateEmptyDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task a_fresh_database_gets_every_migration_once_and_reopening_applies_none()
    {
        await (await PostgresCampaignStore.OpenAsync(Options)).DisposeAsync();
        var applied = await AppliedAsync();

        await (await PostgresCampaignStore.OpenAsync(Options)).DisposeAsync();
        await (await PostgresCampaignStore.OpenAsync(Options)).DisposeAsync();

        Assert.Equal(Enumerable.Range(1, PostgresCampaignStore.SchemaVersion), applied.Split(',').Select(v => int.Parse(v.Split('@')[0])));
        Assert.Equal(applied, await AppliedAsync());
    }

    [Fact]
    public async Task stores_opening_a_fresh_database_at_once_all_succeed_at_the_current_version()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opening = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await PostgresCampaignStore.OpenAsync(Options);
        })).ToArray();
        start.SetResult();
        var stores = await Task.WhenAll(opening);

        await stores[0].CreateCampaignAsync(new("c1", "one", "{}", "rl", 1, CampaignStatus.Running, DateTimeOffset.UnixEpoch));
        Assert.All(await Task.WhenAll(stores.Select(s => s.GetCampaignAsync("c1"))), Assert.NotNull);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal((long)PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT COUNT(*) FROM mnas.schema_migrations;"));
        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
    }

    [Fact]
    public async Task a_database_at_version_1_is_migrated_to_the_current_version_keeping_its_data()
    {
        var first = PostgresMigrations.All.Single(m => m.Version == 1);
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            first.Sql + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'rl', 7, 'Paused', {DateTimeOffset.UnixEpoch.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);
        var worker = new WorkerStatus("w1", "cpu", "cpu", 1, 1, [], false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await store.RecordWorkerAsync(worker);

        Assert.Equal(Enumerable.Range(1, PostgresCampaignStore.SchemaVersion), (await AppliedAsync()).Split(',').Select(v => int.Parse(v.Split('@')[0])));
        Assert.Equal(
            new Campaign("c1", "one", "{}", "rl", 7, CampaignStatus.Paused, DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1))),
            await store.GetCampaignAsync("c1"));
        Assert.Equal("w1", Assert.Single(await store.ListWorkersAsync()).WorkerId);
    }

    [Fact]
    public async Task a_database_at_version_2_is_migrated_keeping_its_data_and_admits_owners_cancelling_and_keys()
    {
        var earlier = string.Join("\n;", PostgresMigrations.All.Where(m => m.Version <= 2).Select(m => m.Sql));
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            earlier + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1), (2); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'rl', 7, 'Paused', {DateTimeOffset.UnixEpoch.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);

        Assert.Equal(
            new Campaign("c1", "one", "{}", "rl", 7, CampaignStatus.Paused, DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1))),
            await store.GetCampaignAsync("c1"));
        Assert.Equal(CampaignStatus.Cancelled, (await store.UpdateCampaignStatusAsync("c1", CampaignStatus.Cancelled)).Status);
        var key = new ApiKey("0123456789ab", "ci", ApiRole.Operator, new byte[32], DateTimeOffset.UnixEpoch);
        await store.CreateApiKeyAsync(key);
        Assert.Equal("ci", (await store.GetApiKeyAsync(key.Id))!.Name);
    }

    [Fact]
    public async Task a_database_at_version_4_is_migrated_keeping_its_data_and_gains_the_cluster_tables()
    {
        var earlier = string.Join("\n;", PostgresMigrations.All.Where(m => m.Version <= 4).Select(m => m.Sql));
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            earlier + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1), (2), (3), (4); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'rl', 7, 'Paused', {DateTimeOffset.UnixEpoch.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);

        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
        Assert.Equal("one", (await store.GetCampaignAsync("c1"))!.Name);
        Assert.Equal(
            "mnas.orleans_membership,mnas.orleans_membership_versions,mnas.orleans_reminders,mnas.orleansquery",
            await _database.ScalarAsync(
                "SELECT string_agg(table_schema || '.' || table_name, ',' ORDER BY table_name) FROM information_schema.tables " +
                "WHERE table_name LIKE 'orleans%';"));
    }

    [Fact]
    public async Task a_database_at_version_5_is_migrated_keeping_its_data_and_takes_supernets_that_go_with_their_campaign()
    {
        var earlier = string.Join("\n;", PostgresMigrations.All.Where(m => m.Version <= 5).Select(m => m.Sql));
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            earlier + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1), (2), (3), (4), (5); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'fbnet', 7, 'Running', {DateTimeOffset.UnixEpoch.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);
        await store.BeginSupernetAttemptAsync("c1", DateTimeOffset.UnixEpoch);
        var epoch = new SupernetEpochRecord("c1", 1, 1, 5, 2.5, 2.25, false, 20, [[0.5, 0.5]], null, null, 60, DateTimeOffset.UnixEpoch);

        Assert.True(await store.RecordSupernetEpochAsync(epoch, [1, 2, 3]));
        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
        Assert.Equal("one", (await store.GetCampaignAsync("c1"))!.Name);
        Assert.True(await store.DeleteCampaignAsync("c1"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT (SELECT COUNT(*) FROM mnas.supernets) + (SELECT COUNT(*) FROM mnas.supernet_epochs);"));
    }

    [Fact]
    public async Task a_database_at_version_6_is_migrated_keeping_its_supernet_and_epochs_which_read_back_without_scores_and_take_them_after()
    {
        var earlier = string.Join("\n;", PostgresMigrations.All.Where(m => m.Version <= 6).Select(m => m.Sql));
        var at = DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1));
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            earlier + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1), (2), (3), (4), (5), (6); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'bnnas', 7, 'Running', {at.UtcTicks}, 60); " +
            "INSERT INTO supernets (campaign_id, attempts, epochs_done, state, posterior_json, updated_utc_ticks, updated_offset_minutes) " +
            $"VALUES ('c1', 1, 1, '\\x010203', NULL, {at.UtcTicks}, 60); " +
            "INSERT INTO supernet_epochs (campaign_id, epoch, attempt, temperature, loss, cross_entropy, theta_trained, expected_latency_ms, " +
            "distributions, width_distributions, resolution_distribution, seconds, at_utc_ticks, at_offset_minutes) " +
            $"VALUES ('c1', 1, 1, 0, 2.5, 2.25, false, 20, '[[0.5,0.5]]', NULL, NULL, 60, {at.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);
        var old = Assert.Single(await store.ListSupernetEpochsAsync("c1"));
        var scored = new SupernetEpochRecord("c1", 2, 1, 0, 2, 2, false, 20, [[0.5, 0.5]], null, null, 60, at, [[0.25, 3.5]], 0.5);

        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
        Assert.Null(old.Scores);
        Assert.Null(old.RankingDistance);
        Assert.Equal(2.5, old.Loss);
        Assert.Null((await store.GetSupernetAsync("c1"))!.EvolutionJson);
        Assert.True(await store.RecordSupernetEpochAsync(scored, [4, 5, 6]));
        Assert.True(await store.FinishSupernetAsync("c1", 1, "{}", at));
        Assert.True(await store.RecordSupernetEvolutionAsync("c1", """{"generations":[]}""", at));
        var read = (await store.ListSupernetEpochsAsync("c1"))[1];
        Assert.Equal([0.25, 3.5], read.Scores!.Single());
        Assert.Equal(0.5, read.RankingDistance);
        Assert.Equal("""{"generations":[]}""", (await store.GetSupernetAsync("c1"))!.EvolutionJson);
    }

    [Fact]
    public async Task a_database_at_version_7_is_migrated_keeping_its_campaign_which_then_takes_search_rounds_and_latencies()
    {
        var earlier = string.Join("\n;", PostgresMigrations.All.Where(m => m.Version <= 7).Select(m => m.Sql));
        var at = DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1));
        await _database.ExecuteAsync(
            "CREATE SCHEMA mnas; SET search_path = mnas; " +
            "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n" +
            earlier + "\n;" +
            "INSERT INTO schema_migrations (version) VALUES (1), (2), (3), (4), (5), (6), (7); " +
            "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_utc_ticks, created_offset_minutes) " +
            $"VALUES ('c1', 'one', '{{}}', 'fbnetv3', 7, 'Running', {at.UtcTicks}, 60);");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);
        var round = new SearchRoundRecord("c1", 1, "coarse", """{"points":[]}""", at);

        Assert.Equal(PostgresCampaignStore.SchemaVersion, await _database.ScalarAsync("SELECT MAX(version) FROM mnas.schema_migrations;"));
        Assert.Equal("fbnetv3", (await store.GetCampaignAsync("c1"))!.Strategy);
        Assert.Empty(await store.ListSearchRoundsAsync("c1"));
        await store.RecordSearchRoundAsync(round);
        Assert.Equal(1, await store.AddLatencyEntriesAsync("c1", new Dictionary<string, double> { ["a"] = 1.5 }));
        Assert.Equal([round], await store.ListSearchRoundsAsync("c1"));
        Assert.Equal(1.5, (await store.GetLatencyTableAsync("c1"))["a"]);
        Assert.True(await store.DeleteCampaignAsync("c1"));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT (SELECT COUNT(*) FROM mnas.search_rounds) + (SELECT COUNT(*) FROM mnas.latency_entries);"));
    }

    [Fact]
    public async Task a_database_with_a_newer_schema_version_is_refused_naming_both_versions()
    {
        await (await PostgresCampaignStore.OpenAsync(Options)).DisposeAsync();
        var newer = PostgresCampaignStore.SchemaVersion + 1;
        await _database.ExecuteAsync($"INSERT INTO mnas.schema_migrations (version) VALUES ({newer});");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresCampaignStore.OpenAsync(Options));

        Assert.Contains($"schema version {newer}", error.Message);
        Assert.Contains($"this build's {PostgresCampaignStore.SchemaVersion}", error.Message);
        Assert.Contains("'mnas'", error.Message);
    }

    [Fact]
    public async Task a_store_opens_where_its_schema_exists_without_its_tables()
    {
        await _database.ExecuteAsync("CREATE SCHEMA mnas;");

        await using var store = await PostgresCampaignStore.OpenAsync(Options);

        Assert.Empty(await store.ListCampaignsAsync());
    }

    /// <summary>"version@applied_at,…" in version order.</summary>
    private async Task<string> AppliedAsync() =>
        (string)(await _database.ScalarAsync(
            "SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) FROM mnas.schema_migrations;"))!;
}
