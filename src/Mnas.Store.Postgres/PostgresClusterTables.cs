using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>
/// Where the Orleans runtime keeps a cluster's membership and reminders on the store's PostgreSQL:
/// the tables <c>orleans_membership_versions</c>, <c>orleans_membership</c> and
/// <c>orleans_reminders</c> and the provider statements in <c>orleansquery</c>, created in the
/// store's schema by migration 5 (<c>Migrations/0005_cluster.sql</c>) with the rest of the schema,
/// so they exist once <c>mnas migrate</c> has run or any store has opened. That SQL was written for
/// this project to the contract of Orleans' ADO.NET providers, version 10.4.2
/// (Microsoft.Orleans.Clustering.AdoNet and Microsoft.Orleans.Reminders.AdoNet): the query keys they
/// look up, the parameters they bind and the columns they read; Orleans' own scripts are not used.
/// Configure both providers with <see cref="Invariant"/> and <see cref="ConnectionStringFor"/>.
/// No registration of Npgsql is needed: the providers load its factory by the invariant name.
/// </summary>
public static class PostgresClusterTables
{
    /// <summary>The ADO.NET invariant name of Npgsql, as Orleans' providers know it (their <c>Invariant</c> option).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The membership and reminder providers' connection pool per silo, unless the connection string sets one.</summary>
    public const int DefaultMaxPoolSize = 5;

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];

    /// <summary>
    /// The connection string Orleans' providers should use for the store <paramref name="options"/>
    /// describe: the same server, database and credentials, with its search path set to the
    /// store's schema (the providers' statements name their tables unqualified) and the store's
    /// command timeout. Throws an <see cref="ArgumentException"/> naming each bad setting.
    /// </summary>
    public static string ConnectionStringFor(PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PostgresStoreOptionsValidator.Instance.ThrowIfInvalid(options);
        var settings = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            SearchPath = options.Schema,
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "mnas-cluster";
        }

        // The providers read and write a row at a time; with the default pool of 100 a handful of silos holds every
        // connection the server allows. A pool the operator sized is kept.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        if (!PoolSizeKeywords.Any(given.ContainsKey))
        {
            settings.MaxPoolSize = DefaultMaxPoolSize;
        }

        return settings.ConnectionString;
    }
}
