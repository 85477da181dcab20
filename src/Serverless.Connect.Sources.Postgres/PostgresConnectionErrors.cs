using System.Net.Sockets;
using Npgsql;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// Tells a lost connection to PostgreSQL (worth reconnecting: the server restarted, the walsender was terminated, the
/// network dropped) from a failure that reconnecting cannot fix (configuration, permissions, <c>wal_level</c>, a
/// missing publication, a WAL position the server no longer has).
/// </summary>
public static class PostgresConnectionErrors
{
    /// <summary>
    /// Returns whether <paramref name="exception"/> (or what it wraps) is a connection-level failure: a
    /// <see cref="RetriableException"/>; a <see cref="PostgresException"/> of SQLSTATE class 08 (connection exception),
    /// 57P01 <c>admin_shutdown</c>, 57P02 <c>crash_shutdown</c>, 57P03 <c>cannot_connect_now</c> or 53300
    /// <c>too_many_connections</c>; a transient <see cref="NpgsqlException"/> (I/O, socket, timeout); the protocol
    /// error Npgsql raises when a restarting server ends the replication stream under it; an
    /// <see cref="IOException"/>, <see cref="SocketException"/> or <see cref="TimeoutException"/>. A
    /// <see cref="ConnectException"/> that is not retriable is a deliberate verdict and ends the search.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> when reconnecting may succeed.</returns>
    public static bool IsConnectionLoss(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetriableException:
                    return true;
                case ConnectException:
                    return false;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsConnectionLoss);
                case PostgresException postgres:
                    return IsSessionEnding(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || IsProtocolDesync(npgsql):
                    return true;
                case IOException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a server error code means the session was lost rather than refused.</summary>
    /// <param name="sqlState">The SQLSTATE.</param>
    /// <returns><see langword="true"/> for class 08, 57P01, 57P02, 57P03 and 53300.</returns>
    public static bool IsSessionEnding(string sqlState)
    {
        ArgumentNullException.ThrowIfNull(sqlState);
        return sqlState.StartsWith("08", StringComparison.Ordinal)
            || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections;
    }

    // A fast shutdown ends the walsender's COPY with CommandComplete; Npgsql, expecting CopyData, reports a protocol
    // error ("Received backend message CommandComplete while expecting CopyDataMessage") and breaks the connection.
    private static bool IsProtocolDesync(NpgsqlException e) =>
        e is not PostgresException && e.Message.StartsWith("Received backend message ", StringComparison.Ordinal);
}
