using System.Net.Sockets;
using Mnas.Store.Postgres;
using Npgsql;

namespace Mnas.Store.Tests.Postgres;

/// <summary>Which failures a store runs a transaction again for: the connection's and the server's passing troubles, never a refusal of the data.</summary>
public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData("57P01")] // the server shut down: a restart
    [InlineData("57P03")] // the server is still starting
    [InlineData("08006")] // connection failure
    [InlineData("40P01")] // deadlock: this transaction was chosen to abort
    [InlineData("40001")] // serialization failure
    [InlineData("53300")] // too many connections
    public void passing_server_troubles_are_transient(string sqlState)
    {
        Assert.True(TransientFailures.IsTransient(new PostgresException("m", "FATAL", "FATAL", sqlState)));
    }

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("23503")] // foreign key violation
    [InlineData("42P01")] // undefined table
    [InlineData("22021")] // bad text encoding
    public void refusals_of_the_data_or_the_statement_are_not(string sqlState)
    {
        Assert.False(TransientFailures.IsTransient(new PostgresException("m", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public void a_refused_or_broken_connection_is_transient_and_other_exceptions_are_not()
    {
        Assert.True(TransientFailures.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(TransientFailures.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.False(TransientFailures.IsTransient(new ArgumentException("bad", "child.Sequence")));
        Assert.False(TransientFailures.IsTransient(new OperationCanceledException()));
    }

    [Fact]
    public void only_deadlocks_and_serialization_failures_keep_the_connection()
    {
        Assert.True(TransientFailures.KeepsConnection(new PostgresException("m", "ERROR", "ERROR", "40P01")));
        Assert.False(TransientFailures.KeepsConnection(new PostgresException("m", "FATAL", "FATAL", "57P01")));
        Assert.False(TransientFailures.KeepsConnection(new NpgsqlException("reset", new IOException())));
    }
}
