using Microsoft.Data.Sqlite;
using Mnas.Campaigns;
using Mnas.Store.Sqlite;
using Mnas.Store.Tests.Conformance;

namespace Mnas.Store.Tests.Sqlite;

/// <summary>The conformance suite against a real SQLite file in a temporary data directory, and what is particular to SQLite.</summary>
public sealed class SqliteCampaignStoreTests : CampaignStoreConformance
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("mnas-store-");

    private string FilePath => Path.Combine(_dataDirectory.FullName, SqliteCampaignStore.DefaultFileName);

    protected override Task<ICampaignStore> OpenStoreAsync() =>
        Task.FromResult<ICampaignStore>(SqliteCampaignStore.InDirectory(_dataDirectory.FullName));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDirectory.Delete(recursive: true);
    }

    [Fact]
    public void the_store_is_one_file_in_the_data_directory_in_wal_mode()
    {
        Assert.Equal(FilePath, ((SqliteCampaignStore)Store).Path);
        Assert.True(File.Exists(FilePath));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
    }

    [Fact]
    public void the_schema_version_is_recorded()
    {
        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task the_store_creates_its_data_directory()
    {
        var nested = Path.Combine(_dataDirectory.FullName, "a", "b", "store.db");

        await using var store = new SqliteCampaignStore(nested);
        await store.CreateCampaignAsync(NewCampaign());

        Assert.True(File.Exists(nested));
        Assert.NotNull(await store.GetCampaignAsync("c1"));
    }

    [Fact]
    public async Task an_empty_existing_database_is_migrated_on_open()
    {
        var path = Path.Combine(_dataDirectory.FullName, "old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL) STRICT; INSERT INTO schema_version VALUES (0);");
        }

        await using var store = new SqliteCampaignStore(path);
        await store.CreateCampaignAsync(NewCampaign());

        Assert.Single(await store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_version_1_file_is_migrated_to_the_current_version_keeping_its_data()
    {
        await Store.DisposeAsync();
        File.Delete(FilePath);
        using (var connection = Connect())
        {
            SqliteSchema.Open(connection, FilePath, upTo: 1);
            Execute(connection, OldCampaignInsert);
        }

        await ReopenAsync();
        await Store.RecordWorkerAsync(NewWorker("w1"));
        await Store.AppendControllerUpdateAsync(new ControllerUpdateRecord("c1", 1, T0, 4, 0.5, 0.4, 1.0));

        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal(NewCampaign(), await Store.GetCampaignAsync("c1"));
        AssertSameWorker(NewWorker("w1"), Assert.Single(await Store.ListWorkersAsync()));
        Assert.Single(await Store.ListControllerUpdatesAsync("c1"));
    }

    [Fact]
    public async Task reopening_a_current_file_keeps_its_schema_version_and_data()
    {
        await CreateCampaignAsync();

        await ReopenAsync();
        await ReopenAsync();

        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Single(await Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_file_from_a_newer_schema_is_refused()
    {
        await Store.DisposeAsync();
        using (var connection = Connect())
        {
            Execute(connection, $"UPDATE schema_version SET version = {SqliteCampaignStore.SchemaVersion + 1};");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteCampaignStore(FilePath));

        Assert.Contains($"schema version {SqliteCampaignStore.SchemaVersion + 1}", error.Message);
        using (var connection = Connect())
        {
            Execute(connection, $"UPDATE schema_version SET version = {SqliteCampaignStore.SchemaVersion};");
        }

        await ReopenAsync();
    }

    [Fact]
    public async Task a_write_cut_off_before_commit_leaves_the_previous_checkpoint_latest()
    {
        await CreateCampaignAsync();
        await Store.SaveCheckpointAsync(NewCheckpoint(1));

        // A writer that dies mid-save: its transaction has written a row but never commits.
        using (var crashed = Connect())
        {
            using var transaction = crashed.BeginTransaction();
            using var insert = crashed.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO checkpoints (campaign_id, version, last_child_included, state, created_at) VALUES ('c1', 2, 20, zeroblob(10), 'half');";
            insert.ExecuteNonQuery();
            AssertSameCheckpoint(NewCheckpoint(1), await Store.GetLatestCheckpointAsync("c1"));
        }

        await ReopenAsync();
        AssertSameCheckpoint(NewCheckpoint(1), await Store.GetLatestCheckpointAsync("c1"));
        await Store.SaveCheckpointAsync(NewCheckpoint(2));
        AssertSameCheckpoint(NewCheckpoint(2), await Store.GetLatestCheckpointAsync("c1"));
    }

    [Fact]
    public async Task two_stores_on_one_file_see_each_others_writes()
    {
        await CreateCampaignAsync();
        await using var second = new SqliteCampaignStore(FilePath);

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
        await using var store = new SqliteCampaignStore(Path.Combine(_dataDirectory.FullName, "disposed.db"));
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ListCampaignsAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CreateCampaignAsync(NewCampaign()));
    }

    [Fact]
    public void an_empty_path_is_refused()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => new SqliteCampaignStore(" ")).ParamName);
    }

    [Fact]
    public async Task a_version_2_file_is_migrated_keeping_its_campaigns_children_and_events_and_admits_owners_cancelling_and_keys()
    {
        await Store.DisposeAsync();
        File.Delete(FilePath);
        using (var connection = Connect())
        {
            SqliteSchema.Open(connection, FilePath, upTo: 2);
            Execute(connection, OldCampaignInsert);
            Execute(connection,
                "INSERT INTO children (campaign_id, sequence, architecture, tokens, log_probability, policy_version, status, attempts, updated_at) " +
                $"VALUES ('c1', 1, 'arch-1', '[1,2]', -0.5, 1, 'Queued', 1, '{T0:O}');" +
                $"INSERT INTO events (campaign_id, id, kind, message, at) VALUES ('c1', 1, 'sampled', 'child 1', '{T0:O}');");
        }

        await ReopenAsync();

        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal(NewCampaign(), await Store.GetCampaignAsync("c1"));
        Assert.Equal("", (await Store.GetCampaignAsync("c1"))!.Owner);
        Assert.Equal(ChildStatus.Queued, (await Store.GetChildAsync("c1", 1))!.Status);
        Assert.Single(await Store.ListEventsAsync("c1"));
        Assert.Equal(CampaignStatus.Cancelled, (await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Cancelled)).Status);
        await Store.CreateCampaignAsync(NewCampaign("c2") with { Owner = "0123456789ab" });
        Assert.Equal("0123456789ab", (await Store.GetCampaignAsync("c2"))!.Owner);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check;"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_list('children') WHERE \"table\" = 'campaigns';"));
        Assert.True(await Store.DeleteCampaignAsync("c1"));
        Assert.Null(await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task a_version_4_file_is_migrated_keeping_its_data_and_takes_supernets_that_go_with_their_campaign()
    {
        await Store.DisposeAsync();
        File.Delete(FilePath);
        using (var connection = Connect())
        {
            SqliteSchema.Open(connection, FilePath, upTo: 4);
            Execute(connection, OldCampaignInsert);
        }

        await ReopenAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);

        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1)));
        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal(NewCampaign(), await Store.GetCampaignAsync("c1"));
        Assert.True(await Store.DeleteCampaignAsync("c1"));
        Assert.Equal(0L, Scalar("SELECT (SELECT COUNT(*) FROM supernets) + (SELECT COUNT(*) FROM supernet_epochs);"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public async Task a_version_5_file_is_migrated_keeping_its_supernet_and_epochs_which_read_back_without_scores_and_take_them_after()
    {
        await Store.DisposeAsync();
        File.Delete(FilePath);
        using (var connection = Connect())
        {
            SqliteSchema.Open(connection, FilePath, upTo: 5);
            Execute(connection, OldCampaignInsert);
            using var supernet = connection.CreateCommand();
            supernet.CommandText =
                "INSERT INTO supernets (campaign_id, attempts, epochs_done, state, posterior_json, updated_at) " +
                "VALUES ('c1', 1, 1, $state, NULL, $updated_at);";
            supernet.Parameters.AddWithValue("$state", StateAfter(1));
            supernet.Parameters.AddWithValue("$updated_at", NewSupernetEpoch(1).At.ToString("O"));
            supernet.ExecuteNonQuery();

            // The epoch as schema 5 wrote it: its first thirteen columns, without scores or ranking distance.
            var parameters = SqliteRows.SupernetEpochParameters(NewSupernetEpoch(1))[..13];
            using var epoch = connection.CreateCommand();
            epoch.CommandText =
                "INSERT INTO supernet_epochs (campaign_id, epoch, attempt, temperature, loss, cross_entropy, theta_trained, expected_latency_ms, " +
                "distributions, width_distributions, resolution_distribution, seconds, at) " +
                $"VALUES ({string.Join(", ", parameters.Select(p => p.Name))});";
            foreach (var (name, value) in parameters)
            {
                epoch.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            epoch.ExecuteNonQuery();
        }

        await ReopenAsync();

        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        AssertSameSupernet(new SupernetRecord("c1", 1, 1, StateAfter(1), null, NewSupernetEpoch(1).At), await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
        Assert.True(await Store.RecordSupernetEpochAsync(NewScoredEpoch(2, rankingDistance: 0.25), StateAfter(2)));
        Assert.True(await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(1)));
        Assert.True(await Store.RecordSupernetEvolutionAsync("c1", Evolution, T0.AddHours(2)));
        AssertSameSupernetEpochs([NewSupernetEpoch(1), NewScoredEpoch(2, rankingDistance: 0.25)], await Store.ListSupernetEpochsAsync("c1"));
        Assert.Equal(Evolution, (await Store.GetSupernetAsync("c1"))!.EvolutionJson);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public void the_new_columns_refuse_what_is_not_json_of_their_kind_nor_a_real()
    {
        using var connection = Connect();
        Execute(connection, OldCampaignInsert);
        Execute(connection, $"INSERT INTO supernets (campaign_id, attempts, epochs_done, updated_at) VALUES ('c1', 1, 0, '{T0:O}');");
        var epoch = "INSERT INTO supernet_epochs (campaign_id, epoch, attempt, temperature, loss, cross_entropy, theta_trained, " +
            "expected_latency_ms, distributions, seconds, at, scores, ranking_distance) " +
            $"VALUES ('c1', 1, 1, 0.0, 1.0, 1.0, 0, 2.0, '[[1.0]]', 1.0, '{T0:O}', ";

        Assert.Throws<SqliteException>(() => Execute(connection, epoch + "'{\"a\":1}', NULL);"));
        Assert.Throws<SqliteException>(() => Execute(connection, epoch + "'[[1.0]', NULL);"));
        Assert.Throws<SqliteException>(() => Execute(connection, epoch + "NULL, 1);"));
        Assert.Throws<SqliteException>(() => Execute(connection, epoch + "NULL, '0.5');"));
        Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE supernets SET evolution_json = '[1]';"));
        Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE supernets SET evolution_json = '{';"));
        Execute(connection, epoch + "'[[0.5, 2.0]]', 0.5);");
        Execute(connection, "UPDATE supernets SET evolution_json = '{}';");
    }

    [Fact]
    public async Task a_version_6_file_is_migrated_keeping_its_campaign_which_then_takes_search_rounds_and_latencies()
    {
        await Store.DisposeAsync();
        File.Delete(FilePath);
        using (var connection = Connect())
        {
            SqliteSchema.Open(connection, FilePath, upTo: 6);
            Execute(connection, OldCampaignInsert);
        }

        await ReopenAsync();

        Assert.Equal((long)SqliteCampaignStore.SchemaVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal(NewCampaign(), await Store.GetCampaignAsync("c1"));
        Assert.Empty(await Store.ListSearchRoundsAsync("c1"));
        await Store.RecordSearchRoundAsync(NewSearchRound(1));
        Assert.Equal(1, await Store.AddLatencyEntriesAsync("c1", new Dictionary<string, double> { ["a"] = 1.5 }));
        AssertSameRounds([NewSearchRound(1)], await Store.ListSearchRoundsAsync("c1"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public void the_search_tables_refuse_a_round_that_is_not_a_json_object_and_a_latency_that_is_not_a_positive_real()
    {
        using var connection = Connect();
        Execute(connection, OldCampaignInsert);
        var round = $"INSERT INTO search_rounds (campaign_id, round, stage, json, recorded_at) VALUES ('c1', 1, 'coarse', ";
        var latency = "INSERT INTO latency_entries (campaign_id, operator_key, latency_ms) VALUES ('c1', 'k', ";

        Assert.Throws<SqliteException>(() => Execute(connection, round + $"'[1]', '{T0:O}');"));
        Assert.Throws<SqliteException>(() => Execute(connection, round + $"'{{', '{T0:O}');"));
        Assert.Throws<SqliteException>(() => Execute(connection, latency + "1);"));
        Assert.Throws<SqliteException>(() => Execute(connection, latency + "-1.5);"));
        Assert.Throws<SqliteException>(() => Execute(connection, latency + "'1.5');"));
        Execute(connection, round + $"'{{}}', '{T0:O}');");
        Execute(connection, latency + "1.5);");
    }

    /// <summary>The conformance suite's campaign c1 as the schema before owners wrote it.</summary>
    private static string OldCampaignInsert
    {
        get
        {
            var c = NewCampaign();
            return "INSERT INTO campaigns (id, name, spec_json, strategy, seed, status, created_at) " +
                $"VALUES ('{c.Id}', '{c.Name}', '{c.SpecJson}', '{c.Strategy}', {c.Seed}, '{c.Status}', '{c.CreatedAt:O}');";
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
