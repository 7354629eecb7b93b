using Mnas.Campaigns;
using Mnas.Store.Postgres;
using Npgsql;

namespace Mnas.Store.Tests.Postgres;

/// <summary>
/// Which writes the store runs again after a transient failure, shown with a trigger that fails the
/// first attempt with a serialization failure. A sequence counts attempts: unlike the failed
/// transactions, its increments are not rolled back.
/// </summary>
public sealed class PostgresRetryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(2));

    private PostgresTestDatabase _database = null!;
    private PostgresCampaignStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        _store = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = _database.ConnectionString });
        await _store.CreateCampaignAsync(new Campaign("c1", "one", "{}", "rl", 1, CampaignStatus.Running, At));
        await _database.ExecuteAsync(
            """
            CREATE SEQUENCE mnas.attempts;
            CREATE FUNCTION mnas.fail_first_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('mnas.attempts') = 1 THEN
                    RAISE EXCEPTION 'injected failure' USING ERRCODE = 'serialization_failure';
                END IF;
                RETURN NULL;
            END $$;
            """);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task a_write_failing_before_its_commit_is_run_again()
    {
        await FailFirstAttemptAsync("events", atCommit: false);

        var appended = await _store.AppendEventAsync("c1", "tick", "once", At);

        Assert.Equal(1, appended.Id);
        Assert.Single(await _store.ListEventsAsync("c1"));
        Assert.Equal(2L, await AttemptsAsync());
    }

    [Fact]
    public async Task a_write_that_is_not_idempotent_is_not_run_again_after_its_commit_failed()
    {
        await FailFirstAttemptAsync("events", atCommit: true);

        var error = await Assert.ThrowsAsync<PostgresException>(() => _store.AppendEventAsync("c1", "tick", "once", At));

        Assert.Equal(PostgresErrorCodes.SerializationFailure, error.SqlState);
        Assert.Equal(1L, await AttemptsAsync());
        Assert.Empty(await _store.ListEventsAsync("c1"));
        Assert.Equal(1, (await _store.AppendEventAsync("c1", "tick", "again", At)).Id);
    }

    [Fact]
    public async Task an_idempotent_write_is_run_again_after_its_commit_failed()
    {
        await FailFirstAttemptAsync("children", atCommit: true);

        var added = await _store.AddChildAsync(new Child("c1", 1, "arch-1", [1, 2], -0.5, 0, ChildStatus.Sampled, 0, null, null, null, At));

        Assert.Equal("arch-1", added.Architecture);
        Assert.Single(await _store.ListChildrenAsync("c1"));
        Assert.Equal(2L, await AttemptsAsync());
    }

    /// <summary>Makes the first insert into <paramref name="table"/> fail: at once, or when its transaction commits.</summary>
    private Task FailFirstAttemptAsync(string table, bool atCommit) =>
        _database.ExecuteAsync(
            atCommit
                ? $"CREATE CONSTRAINT TRIGGER fail_first AFTER INSERT ON mnas.{table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mnas.fail_first_attempt();"
                : $"CREATE TRIGGER fail_first AFTER INSERT ON mnas.{table} FOR EACH ROW EXECUTE FUNCTION mnas.fail_first_attempt();");

    private async Task<long> AttemptsAsync() => (long)(await _database.ScalarAsync("SELECT last_value FROM mnas.attempts;"))!;
}
