using System.Net.Sockets;
using Npgsql;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres.Tests;

/// <summary>
/// Which failures the CDC reader reconnects on, and how long it waits. The real failures (a restarted server, a
/// terminated walsender, a refused connection) are in the Reliability suite's PostgresServerFaultTests.
/// </summary>
public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Backoff_doubles_from_half_a_second_up_to_the_wait()
    {
        var backoff = new RetriableRestartBackoff(-1, TimeSpan.FromSeconds(10));

        var delays = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            Assert.True(backoff.TryNext(out var delay));
            delays.Add(delay.TotalMilliseconds);
        }

        Assert.Equal([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000], delays);
        Assert.Equal(8, backoff.Attempts);
    }

    [Theory]
    [InlineData(500, 1, 500)]
    [InlineData(500, 7, 500)]
    [InlineData(700, 2, 700)]
    [InlineData(0, 3, 0)]
    [InlineData(10_000, 64, 10_000)]
    [InlineData(10_000, int.MaxValue, 10_000)]
    public void Delay_never_exceeds_the_configured_wait(long waitMs, int attempt, long expectedMs)
    {
        var backoff = new RetriableRestartBackoff(-1, TimeSpan.FromMilliseconds(waitMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.DelayFor(attempt));
    }

    [Fact]
    public void Zero_retries_means_the_first_error_fails_the_task()
    {
        var backoff = new RetriableRestartBackoff(0, TimeSpan.FromSeconds(10));

        Assert.False(backoff.TryNext(out _));
        Assert.Equal(0, backoff.Attempts);
    }

    [Fact]
    public void A_limit_allows_that_many_restarts_and_a_reset_starts_over()
    {
        var backoff = new RetriableRestartBackoff(3, TimeSpan.FromSeconds(10));

        Assert.True(backoff.TryNext(out _));
        Assert.True(backoff.TryNext(out _));
        Assert.True(backoff.TryNext(out var third));
        Assert.False(backoff.TryNext(out _));
        Assert.Equal(TimeSpan.FromSeconds(2), third);

        backoff.Reset();

        Assert.True(backoff.TryNext(out var first));
        Assert.Equal(TimeSpan.FromMilliseconds(500), first);
    }

    [Fact]
    public void Unlimited_retries_never_run_out()
    {
        var backoff = new RetriableRestartBackoff(-1, TimeSpan.Zero);

        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.True(backoff.TryNext(out TimeSpan _)));
    }

    [Theory]
    [InlineData("08006")] // connection_failure
    [InlineData("08003")] // connection_does_not_exist
    [InlineData("57P01")] // admin_shutdown: pg_terminate_backend, a fast shutdown
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: the server is starting up
    [InlineData("53300")] // too_many_connections
    public void Server_errors_that_end_the_session_are_retriable(string sqlState)
    {
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new PostgresException("gone", "FATAL", "FATAL", sqlState)));
        Assert.True(PostgresConnectionErrors.IsSessionEnding(sqlState));
    }

    [Theory]
    [InlineData("28P01")] // invalid_password
    [InlineData("42501")] // insufficient_privilege
    [InlineData("55000")] // object_not_in_prerequisite_state: wal_level, slot of another database
    [InlineData("42704")] // undefined_object: missing publication
    [InlineData("3D000")] // invalid_catalog_name: missing database
    [InlineData("58P01")] // undefined_file: WAL removed
    public void Configuration_and_permission_errors_are_fatal(string sqlState)
    {
        Assert.False(PostgresConnectionErrors.IsConnectionLoss(new PostgresException("refused", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public void Transport_failures_are_retriable()
    {
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new NpgsqlException("Received backend message CommandComplete while expecting CopyDataMessage. Please file a bug.")));
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset))));
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new AggregateException(new InvalidOperationException("x"), new TimeoutException())));
        Assert.True(PostgresConnectionErrors.IsConnectionLoss(new SlotInUseException("s", "Replication slot 's' is already active")));
    }

    [Fact]
    public void A_deliberate_connect_error_is_fatal_whatever_it_wraps()
    {
        Assert.False(PostgresConnectionErrors.IsConnectionLoss(new ConnectException("Kafka rejected a record", new IOException("reset"))));
        Assert.False(PostgresConnectionErrors.IsConnectionLoss(new NpgsqlException("No password has been provided")));
        Assert.False(PostgresConnectionErrors.IsConnectionLoss(new InvalidOperationException("bug")));
        Assert.False(PostgresConnectionErrors.IsConnectionLoss(null));
    }
}
