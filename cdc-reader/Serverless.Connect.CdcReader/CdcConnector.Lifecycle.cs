using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serverless.Connect.CdcReader.Internal;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Sources.Postgres;

namespace Serverless.Connect.CdcReader;

/// <summary>Lifecycle of a CDC connector: hot standby until the slot is free, then run; status and metrics.</summary>
public sealed partial class CdcConnector
{
    /// <summary>Config key: how often a standby checks whether the replication slot was released (ms, default 1000).</summary>
    public const string StandbyPollIntervalConfig = "serverless.standby.poll.interval.ms";

    private volatile CdcConnectorStatus _status = new(CdcConnectorState.Unassigned);
    private bool _reachedServer;

    /// <summary>Gets the connector's current state.</summary>
    public CdcConnectorStatus Status => _status;

    /// <summary>Config key: how often the slot lag and table estimates behind <c>GET /metrics</c> are queried (ms, default 10000).</summary>
    public const string SlotMetricsIntervalConfig = "serverless.metrics.slot.interval.ms";

    /// <summary>Gets how often <c>--http-port</c>'s metrics query the slot (<c>serverless.metrics.slot.interval.ms</c>).</summary>
    public TimeSpan SlotMetricsInterval =>
        TimeSpan.FromMilliseconds(long.TryParse(_config.GetValueOrDefault(SlotMetricsIntervalConfig), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? ms
            : 10_000);

    /// <summary>Gets the number of outbox rows deleted by <c>serverless.outbox.cleanup.enabled</c> (0 when disabled).</summary>
    public long OutboxRowsDeleted => _outboxCleanup?.DeletedCount ?? 0;

    /// <summary>Gets the counters behind <c>GET /metrics</c>.</summary>
    public CdcConnectorMetrics Metrics { get; } = new();

    /// <summary>Gets how often a standby checks the slot (<c>serverless.standby.poll.interval.ms</c>).</summary>
    public TimeSpan StandbyPollInterval =>
        TimeSpan.FromMilliseconds(long.TryParse(_config.GetValueOrDefault(StandbyPollIntervalConfig), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? ms
            : 1000);

    /// <summary>
    /// Runs until <paramref name="stopToken"/> is cancelled, then drains, flushes, confirms and returns. While another
    /// reader streams from the slot this one stands by (state <see cref="CdcConnectorState.Standby"/>), checking every
    /// <see cref="StandbyPollInterval"/>, and takes over once PostgreSQL releases the slot. A lost connection (server
    /// restart, terminated walsender, network) restarts the streaming session from the slot's <c>confirmed_flush_lsn</c>
    /// after a backoff (<c>errors.max.retries</c>, <c>retriable.restart.connector.wait.ms</c>), staying
    /// <see cref="CdcConnectorState.Running"/> meanwhile, as a Debezium task does under Connect.
    /// </summary>
    /// <param name="stopToken">Requests a graceful stop.</param>
    /// <returns>A task that completes when the connector has stopped.</returns>
    /// <exception cref="ConnectException">Setup failed, Kafka rejected a record permanently, or the connection-error retries ran out.</exception>
    public async Task RunAsync(CancellationToken stopToken)
    {
        using var cleanupStop = new CancellationTokenSource();
        var cleanupLoop = _outboxCleanup?.RunAsync(cleanupStop.Token) ?? Task.CompletedTask;
        var backoff = new RetriableRestartBackoff(Source.Config.ErrorsMaxRetries, Source.Config.RetriableRestartWait);
        try
        {
            while (true)
            {
                if (!await StandbyAsync(stopToken))
                {
                    break;
                }

                _status = new CdcConnectorStatus(CdcConnectorState.Running);
                var deliveredAtStart = DeliveredCount;
                try
                {
                    await RunActiveAsync(stopToken);
                    break;
                }
                catch (Exception e) when (IsSlotTaken(e) && !stopToken.IsCancellationRequested && _tracker.InFlight == 0 && DeliveredCount == 0)
                {
                    // Another standby won the race for the released slot before this one read anything: stand by again
                    // with a fresh source (a source runs once).
                    Log.SlotTakenByAnother(_logger, Source.Config.Name, Source.Config.SlotName);
                    Source = NewSource();
                }
                catch (Exception e) when (IsRetriable(e) && !stopToken.IsCancellationRequested)
                {
                    // As Debezium: a restarted task that delivered changes again has recovered, so its retries start over.
                    if (DeliveredCount > deliveredAtStart)
                    {
                        backoff.Reset();
                    }

                    if (!await RestartAfterAsync(e, backoff, stopToken))
                    {
                        break;
                    }
                }
            }

            _status = new CdcConnectorStatus(CdcConnectorState.Stopped);
        }
        catch (Exception e)
        {
            _status = new CdcConnectorStatus(CdcConnectorState.Failed, JavaStackTrace.Format(e));
            throw;
        }
        finally
        {
            await cleanupStop.CancelAsync();
            await cleanupLoop;
            if (_outboxCleanup is not null)
            {
                // Rows acknowledged during the final flush: delete them now rather than leave them for good.
                using var final = new CancellationTokenSource(FlushTimeout);
                try
                {
                    await _outboxCleanup.DeleteAcknowledgedAsync(final.Token);
                }
                catch (OperationCanceledException) when (final.IsCancellationRequested)
                {
                }
            }
        }
    }

    // Connect keeps the task RUNNING while Debezium restarts it internally; only when the retries are used up does it
    // fail. Returns false when stopped while waiting.
    private async Task<bool> RestartAfterAsync(Exception error, RetriableRestartBackoff backoff, CancellationToken stopToken)
    {
        var name = Source.Config.Name;
        if (!backoff.TryNext(out var delay))
        {
            throw new ConnectException(
                backoff.MaxRetries == 0
                    ? $"Connector '{name}' stopped on a connection error, which is not retried because errors.max.retries=0: {error.Message}"
                    : $"Connector '{name}' stopped on a connection error after {backoff.Attempts} restart(s), the limit set by errors.max.retries={backoff.MaxRetries}: {error.Message}",
                error);
        }

        Metrics.OnReconnect();
        Log.RestartingAfterRetriableError(
            _logger, name, Describe(error), backoff.Attempts, backoff.MaxRetries < 0 ? "unlimited" : backoff.MaxRetries.ToString(CultureInfo.InvariantCulture),
            (long)delay.TotalMilliseconds, new NpgsqlTypes.NpgsqlLogSequenceNumber(Source.ConfirmedLsn).ToString());
        try
        {
            await Task.Delay(delay, _time, stopToken);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            return false;
        }

        // A source runs once; the new one streams from the slot's confirmed_flush_lsn.
        Source = NewSource();
        return true;
    }

    // Connection-level failures once the server was reached with these settings. At the very first start Debezium fails
    // the task instead ("cannot connect using the specified connection parameters"), and so does this: a wrong host or
    // port is a configuration error, not an outage. A record Kafka rejected is never retried here.
    private bool IsRetriable(Exception e)
    {
        _reachedServer |= Source.Connected;
        return _reachedServer && _deliveryFailure is null && (PostgresConnectionErrors.IsConnectionLoss(e) || IsSlotTaken(e));
    }

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is { } inner && root is RetriableException)
        {
            root = inner;
        }

        return root.GetType().Name + ": " + root.Message;
    }

    private PostgresChangeSource NewSource() =>
        new(Source.Config, _loggerFactory.CreateLogger<PostgresChangeSource>(), _time) { DrainTimeout = Source.DrainTimeout };

    private static bool IsSlotTaken(Exception e) =>
        e is SlotInUseException || (e is PostgresException { SqlState: PostgresErrorCodes.ObjectInUse } && e.Message.Contains("replication slot", StringComparison.Ordinal));

    // Returns false when stopped while waiting.
    private async Task<bool> StandbyAsync(CancellationToken stopToken)
    {
        var config = Source.Config;
        var announced = false;
        try
        {
            await using var connection = new NpgsqlConnection(config.ConnectionString());
            await connection.OpenAsync(stopToken);
            _reachedServer = true;
            await using var command = new NpgsqlCommand("SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1 AND active", connection);
            command.Parameters.AddWithValue(config.SlotName);
            while (await command.ExecuteScalarAsync(stopToken) is int pid)
            {
                if (!announced)
                {
                    _status = new CdcConnectorStatus(CdcConnectorState.Standby);
                    Log.StandingBy(_logger, config.Name, config.SlotName, pid, (long)StandbyPollInterval.TotalMilliseconds);
                    announced = true;
                }

                await Task.Delay(StandbyPollInterval, _time, stopToken);
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            return false;
        }
        catch (NpgsqlException) when (!announced)
        {
            // Cannot ask about the slot: let the source start, so it reports the problem with its setup checks' messages.
            return true;
        }

        if (announced)
        {
            Log.TakingOver(_logger, config.Name, config.SlotName);
        }

        return true;
    }
}
