using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>Which failures may pass if the same transaction is tried again: lost connections, a server that is restarting, deadlocks.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => IsTransient(postgres.SqlState),
        // Errors of the connection itself: refused, reset, timed out.
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>Whether the failure leaves the connection usable: a deadlock or serialization failure aborts only the transaction.</summary>
    public static bool KeepsConnection(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private static bool IsTransient(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
        || sqlState is PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected;
}
