using Mnas.Store.Postgres;

namespace Mnas.Store.Tests.Postgres;

/// <summary>Leadership by advisory lock on the real server: one leader at a time, a standby takes over when the leader goes.</summary>
public sealed class PostgresLeadershipTests : IAsyncLifetime
{
    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private PostgresLeadership Leadership(string role = "coordinator") =>
        new(new PostgresStoreOptions { ConnectionString = database.ConnectionString }, role, TimeSpan.FromMilliseconds(100));

    [Fact(Timeout = 60_000)]
    public async Task one_process_leads_at_a_time_and_a_standby_takes_over_when_the_leader_steps_down()
    {
        var leader = await Leadership().AcquireAsync(CancellationToken.None);
        var standby = Leadership().AcquireAsync(CancellationToken.None);

        await Task.Delay(1000);
        Assert.False(standby.IsCompleted, "a second process led while the first still did");
        await leader.DisposeAsync();
        await using var next = await standby.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(next.Lost.IsCancellationRequested);
    }

    [Fact(Timeout = 60_000)]
    public async Task other_roles_and_schemas_lead_independently()
    {
        await using var coordinator = await Leadership("coordinator").AcquireAsync(CancellationToken.None);
        await using var other = await Leadership("api").AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEqual(Leadership("coordinator").Key, Leadership("api").Key);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_leader_whose_session_is_ended_learns_it_has_lost_and_a_standby_leads()
    {
        var leader = await Leadership().AcquireAsync(CancellationToken.None);
        var standby = Leadership().AcquireAsync(CancellationToken.None);

        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database());");

        await Task.Delay(Timeout.Infinite, leader.Lost).ContinueWith(_ => { }).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(leader.Lost.IsCancellationRequested);
        await using var next = await standby.WaitAsync(TimeSpan.FromSeconds(10));
        await leader.DisposeAsync();
    }
}
