using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>
/// Checks <see cref="PostgresStoreOptions"/> and names every bad setting by its path, e.g.
/// <c>store.postgres.schema: must be a lower-case identifier (got 'My Schema')</c>, so a bad
/// setting fails when the store opens rather than at its first write.
/// </summary>
public sealed partial class PostgresStoreOptionsValidator
{
    public const string ConnectionStringSetting = "store.postgres.connection_string";
    public const string SchemaSetting = "store.postgres.schema";
    public const string CommandTimeoutSetting = "store.postgres.command_timeout";

    /// <summary>PostgreSQL's default limit on identifier length, in bytes.</summary>
    private const int MaxIdentifierLength = 63;

    private static readonly TimeSpan MaxCommandTimeout = TimeSpan.FromDays(1);

    public static PostgresStoreOptionsValidator Instance { get; } = new();

    /// <summary>Every problem with <paramref name="options"/>, each as <c>setting: what is wrong</c>; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckConnectionString(options.ConnectionString, problems);
        if (options.Schema is null || !Identifier().IsMatch(options.Schema) || options.Schema.StartsWith("pg_", StringComparison.Ordinal))
        {
            problems.Add(
                $"{SchemaSetting}: must be a lower-case identifier of at most {MaxIdentifierLength} letters, digits and underscores, " +
                $"not starting with a digit or pg_ (got {Quoted(options.Schema)})");
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1) || options.CommandTimeout > MaxCommandTimeout)
        {
            problems.Add(
                $"{CommandTimeoutSetting}: must be between 1 s and {MaxCommandTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s " +
                $"(got {options.CommandTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)} s)");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every problem, if there are any.</summary>
    public void ThrowIfInvalid(PostgresStoreOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid PostgreSQL store options: {string.Join("; ", problems)}", nameof(options));
        }
    }

    // The connection string itself is never quoted back: it may hold a password.
    private static void CheckConnectionString(string? connectionString, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add($"{ConnectionStringSetting}: must be set (e.g. Host=db;Port=5432;Database=mnas;Username=mnas)");
            return;
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            problems.Add($"{ConnectionStringSetting}: cannot be read ({e.Message})");
            return;
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            problems.Add($"{ConnectionStringSetting}: must name a host (Host=...)");
        }
    }

    private static string Quoted(string? value) => value is null ? "null" : $"'{value}'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
