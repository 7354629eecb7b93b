using Mnas.Store.Postgres;

namespace Mnas.Store.Tests.Postgres;

public sealed class PostgresStoreOptionsTests
{
    private const string Valid = "Host=127.0.0.1;Port=5432;Database=mnas;Username=mnas";

    [Fact]
    public void the_defaults_are_the_mnas_schema_and_a_30_second_timeout()
    {
        var options = new PostgresStoreOptions { ConnectionString = Valid };

        Assert.Empty(PostgresStoreOptionsValidator.Instance.Validate(options));
        Assert.Equal("mnas", options.Schema);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CommandTimeout);
    }

    public static TheoryData<string, PostgresStoreOptions> BadOptions => new()
    {
        { "store.postgres.connection_string: must be set", new() { ConnectionString = "" } },
        { "store.postgres.connection_string: must be set", new() { ConnectionString = null! } },
        { "store.postgres.connection_string: cannot be read", new() { ConnectionString = "Host=db;Flavour=mild" } },
        { "store.postgres.connection_string: cannot be read", new() { ConnectionString = "Host=db;Port=port" } },
        { "store.postgres.connection_string: must name a host", new() { ConnectionString = "Database=mnas" } },
        { "store.postgres.schema: must be a lower-case identifier", new() { ConnectionString = Valid, Schema = "My Schema" } },
        { "store.postgres.schema: must be a lower-case identifier", new() { ConnectionString = Valid, Schema = "" } },
        { "store.postgres.schema: must be a lower-case identifier", new() { ConnectionString = Valid, Schema = "pg_mnas" } },
        { "store.postgres.schema: must be a lower-case identifier", new() { ConnectionString = Valid, Schema = new string('s', 64) } },
        { "store.postgres.command_timeout: must be between 1 s and 86400 s (got 0 s)", new() { ConnectionString = Valid, CommandTimeout = TimeSpan.Zero } },
        { "store.postgres.command_timeout: must be between 1 s and 86400 s (got -5 s)", new() { ConnectionString = Valid, CommandTimeout = TimeSpan.FromSeconds(-5) } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void a_bad_setting_is_named(string problem, PostgresStoreOptions options)
    {
        var problems = PostgresStoreOptionsValidator.Instance.Validate(options);

        Assert.StartsWith(problem, Assert.Single(problems));
    }

    [Fact]
    public void a_password_in_a_bad_connection_string_is_not_repeated()
    {
        var problems = PostgresStoreOptionsValidator.Instance.Validate(new() { ConnectionString = "Password=hunter2;Database=mnas" });

        Assert.DoesNotContain("hunter2", Assert.Single(problems));
    }

    [Fact]
    public async Task opening_with_bad_options_fails_naming_every_setting_before_connecting()
    {
        var options = new PostgresStoreOptions { ConnectionString = "", Schema = "Bad", CommandTimeout = TimeSpan.Zero };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PostgresCampaignStore.OpenAsync(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("store.postgres.connection_string: must be set", error.Message);
        Assert.Contains("store.postgres.schema: must be", error.Message);
        Assert.Contains("store.postgres.command_timeout: must be", error.Message);
    }
}
