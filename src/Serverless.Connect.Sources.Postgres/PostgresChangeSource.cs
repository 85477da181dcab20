using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using NpgsqlTypes;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Sources.Postgres.Internal;

namespace Serverless.Connect.Sources.Postgres;

/// <summary>
/// The Debezium-compatible PostgreSQL source: checks the server, prepares publication and slot, snapshots when the
/// snapshot mode asks for it, then streams pgoutput changes as Debezium events into a bounded channel.
/// </summary>
/// <remarks>
/// The slot's confirmed flush LSN only moves when the consumer calls <see cref="Acknowledge"/> with a position it has
/// fully delivered (see <see cref="LsnAcknowledgementTracker"/>). A full channel stops WAL reading (backpressure).
/// </remarks>
public sealed class PostgresChangeSource
{
    // 10 ms steps: at most 5 s for the server to apply the final status update, or release the slot, on a stop.
    private const int ServerWaitSteps = 500;

    private readonly PostgresConnectorConfig _config;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ulong _acknowledged;
    private ulong _sent;

    /// <summary>Initializes a new instance of the <see cref="PostgresChangeSource"/> class.</summary>
    /// <param name="config">The connector configuration.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock for event timestamps and timers.</param>
    public PostgresChangeSource(PostgresConnectorConfig config, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the configuration.</summary>
    public PostgresConnectorConfig Config => _config;

    /// <summary>Gets how long <see cref="RunAsync"/> waits, after it stops reading, for <see cref="MarkDrained"/>.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets what the stored source offsets say about the snapshot; set it before <see cref="RunAsync"/>.
    /// <see langword="true"/>: a snapshot completed (every record of it was delivered); <see langword="false"/>: the
    /// offset store has no completed snapshot, so an existing slot is left over from an unfinished one and
    /// <c>initial</c>/<c>when_needed</c>/<c>initial_only</c> drop it and snapshot again; <see langword="null"/> (default):
    /// there is no offset store and the slot alone decides.
    /// </summary>
    public bool? SnapshotCompletedInOffsets { get; set; }

    /// <summary>
    /// Gets or sets the position (<c>lsn</c>) the stored source offsets hold, or <see langword="null"/> when there are none;
    /// set it before <see cref="RunAsync"/>. A missing slot with a stored position means the changes after it were kept
    /// only by that slot: <c>no_data</c> fails naming the slot, the snapshotting modes warn and snapshot again.
    /// </summary>
    public ulong? OffsetsLsn { get; set; }

    /// <summary>
    /// Gets a value indicating whether this run reached the server and passed its setup checks (the parameters are
    /// right). A consumer that restarts on <see cref="RetriableException"/> uses it to tell "cannot connect with these
    /// settings" at the first start, which Debezium fails at once, from a server lost while running.
    /// </summary>
    public bool Connected { get; private set; }

    /// <summary>Gets the highest LSN sent to the server as flushed.</summary>
    public ulong ConfirmedLsn => Interlocked.Read(ref _sent);

    /// <summary>Records that every item at or below <paramref name="lsn"/> has been delivered; the slot may confirm it.</summary>
    /// <param name="lsn">The delivered position.</param>
    public void Acknowledge(ulong lsn)
    {
        var current = Interlocked.Read(ref _acknowledged);
        while (lsn > current)
        {
            var seen = Interlocked.CompareExchange(ref _acknowledged, lsn, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Signals that the consumer has delivered and acknowledged everything it read; the source then sends its final status.</summary>
    public void MarkDrained() => _drained.TrySetResult();

    /// <summary>Runs until <paramref name="stopToken"/> is cancelled (or, for <c>initial_only</c>, the snapshot is done).</summary>
    /// <param name="output">Where events go; completed when reading stops.</param>
    /// <param name="stopToken">Stops reading; the source then waits for <see cref="MarkDrained"/> before confirming and closing.</param>
    /// <returns>A task that completes when the source has stopped.</returns>
    /// <exception cref="ConnectException">The server is not set up for the connector; the message names the problem.</exception>
    /// <exception cref="RetriableException">The connection to the server was lost (see <see cref="PostgresConnectionErrors"/>);
    /// nothing past what was acknowledged is confirmed, so a new source resumes at the slot's <c>confirmed_flush_lsn</c>.</exception>
    public async Task RunAsync(ChannelWriter<PostgresSourceRecord> output, CancellationToken stopToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        Exception? failure = null;
        try
        {
            await RunCoreAsync(output, stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = e is not ConnectException && PostgresConnectionErrors.IsConnectionLoss(e) ? ConnectionLost(e) : e;
            if (ReferenceEquals(failure, e))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    private RetriableException ConnectionLost(Exception e)
    {
        var target = new NpgsqlConnectionStringBuilder(_config.ConnectionString());
        var position = Interlocked.Read(ref _sent) is var sent and not 0 ? $"; last confirmed LSN {new NpgsqlLogSequenceNumber(sent)}" : string.Empty;
        var what = Connected
            ? $"lost its connection to PostgreSQL {target.Host}:{target.Port}"
            : $"cannot reach PostgreSQL {target.Host}:{target.Port} (database.hostname, database.port)";
        return new RetriableException(
            $"Connector '{_config.Name}' {what} (database '{_config.DatabaseName}', slot '{_config.SlotName}'{position}): {e.GetType().Name}: {e.Message}",
            e);
    }

    private async Task RunCoreAsync(ChannelWriter<PostgresSourceRecord> output, CancellationToken stopToken)
    {
        var connectionString = _config.ConnectionString();
        await using var metadata = new NpgsqlConnection(connectionString);
        await OpenAsync(metadata, stopToken).ConfigureAwait(false);
        var (tables, slotExists) = await new ReplicationSetup(_config).PrepareAsync(metadata, stopToken).ConfigureAwait(false);
        var types = new TypeRegistry();
        await types.ReloadAsync(metadata, stopToken).ConfigureAwait(false);
        Connected = true;
        var factory = new TableSchemaFactory(_config, new ValueConverterFactory(_config, types));
        var events = new ChangeEventBuilder(_config, _time);

        var mode = _config.SnapshotMode;
        var completed = SnapshotCompletedInOffsets;
        if (!slotExists && OffsetsLsn is { } stored && !_config.SlotDropOnStop)
        {
            CheckMissingSlot(mode, new NpgsqlLogSequenceNumber(stored).ToString());
        }

        if (mode == SnapshotMode.InitialOnly && (completed == true || (completed is null && slotExists)))
        {
            Log.SnapshotAlreadyCompleted(_logger, _config.Name);
            return;
        }

        if (slotExists && completed == false && mode is SnapshotMode.Initial or SnapshotMode.WhenNeeded or SnapshotMode.InitialOnly)
        {
            // The slot outlived a snapshot whose records were never all acknowledged (a stop while Kafka was down, a
            // kill): streaming from it would lose those rows for good, so start over from a new exported snapshot.
            // initial_only needs the name free for its temporary slot.
            Log.SnapshotIncomplete(_logger, _config.Name, _config.SlotName);
            await DropSlotAsync(metadata, stopToken).ConfigureAwait(false);
            slotExists = false;
        }

        if (mode == SnapshotMode.Always && slotExists)
        {
            await DropSlotAsync(metadata, stopToken).ConfigureAwait(false);
            slotExists = false;
        }

        var snapshot = !slotExists && mode is SnapshotMode.Initial or SnapshotMode.Always or SnapshotMode.InitialOnly or SnapshotMode.WhenNeeded;

        await using var replication = new LogicalReplicationConnection(connectionString)
        {
            WalReceiverStatusInterval = _config.StatusUpdateInterval,
        };
        await replication.Open(stopToken).ConfigureAwait(false);
        PgOutputReplicationSlot slot;
        if (slotExists)
        {
            slot = new PgOutputReplicationSlot(_config.SlotName);
        }
        else
        {
            slot = await CreateSlotAsync(replication, snapshot, temporary: mode == SnapshotMode.InitialOnly, stopToken).ConfigureAwait(false);
            Log.SlotCreated(_logger, _config.Name, _config.SlotName, slot.ConsistentPoint.ToString());
        }

        if (snapshot)
        {
            var reader = new SnapshotReader(_config, types, factory, events, _time);
            long rows;
            try
            {
                rows = await reader.RunAsync(slot.SnapshotName!, (ulong)slot.ConsistentPoint, tables, output, stopToken).ConfigureAwait(false);
            }
            catch when (mode != SnapshotMode.InitialOnly)
            {
                // The slot is this connector's offset: an unfinished snapshot must not leave it behind, or the next
                // start would stream from it without the rows the snapshot never delivered.
                await replication.DisposeAsync().ConfigureAwait(false);
                try
                {
                    await DropOwnSlotAsync(metadata).ConfigureAwait(false);
                }
                catch (Exception dropFailure) when (PostgresConnectionErrors.IsConnectionLoss(dropFailure))
                {
                    // The server is gone too: the slot stays, but the offsets record no completed snapshot, so the
                    // next start drops it and snapshots again. The snapshot's own failure is what to report.
                }

                throw;
            }

            Log.SnapshotFinished(_logger, _config.Name, tables.Count, rows);
            if (mode == SnapshotMode.InitialOnly)
            {
                output.TryComplete();
                await WaitForDrainAsync().ConfigureAwait(false);
                await DropTemporarySlotAsync(replication).ConfigureAwait(false);
                return;
            }
        }

        using var replicationStop = new CancellationTokenSource();
        using var acknowledgerStop = new CancellationTokenSource();
        var acknowledger = AcknowledgeLoopAsync(replication, acknowledgerStop.Token);
        var heartbeats = HeartbeatLoopAsync(output, stopToken);
        var stream = new ChangeStreamReader(_config, new RelationCache(_config, types, factory), events, metadata, output);
        Log.StreamingStarted(_logger, _config.Name, _config.SlotName);
        var streamTask = stream.RunAsync(replication, slot, stopToken, replicationStop.Token);
        try
        {
            await streamTask.WaitAsync(stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            // Graceful stop: keep the stream open while the consumer drains, then confirm what it delivered.
            output.TryComplete();
            await WaitForDrainAsync().ConfigureAwait(false);

            // One sender at a time on the replication connection: stop the periodic loop before the final status.
            await acknowledgerStop.CancelAsync().ConfigureAwait(false);
            await acknowledger.ConfigureAwait(false);
            await SendConfirmedAsync(replication, CancellationToken.None).ConfigureAwait(false);
            await AwaitServerConfirmationAsync(metadata).ConfigureAwait(false);
        }
        finally
        {
            await acknowledgerStop.CancelAsync().ConfigureAwait(false);
            await replicationStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await streamTask.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (replicationStop.IsCancellationRequested)
            {
            }

            await Task.WhenAll(acknowledger, heartbeats).ConfigureAwait(false);
        }

        if (_config.SlotDropOnStop)
        {
            await replication.DisposeAsync().ConfigureAwait(false);
            await DropOwnSlotAsync(metadata).ConfigureAwait(false);
            Log.SlotDropped(_logger, _config.Name, _config.SlotName);
        }
    }

    // Debezium creates a new slot and streams from it, silently skipping what happened in between; here the gap is
    // either refused (no_data: nothing could fill it) or filled by a new snapshot, and said so.
    private void CheckMissingSlot(SnapshotMode mode, string position)
    {
        if (mode == SnapshotMode.NoData)
        {
            throw new ConnectException(
                $"Replication slot '{_config.SlotName}' of connector '{_config.Name}' does not exist, but its stored offsets hold LSN {position}: " +
                "the changes after that position went with the slot (dropped, or lost in a failover). Set snapshot.mode=when_needed to snapshot " +
                "the tables again, or delete the connector's offsets to start streaming from now on.",
                ErrorRecordContext.ForLsn(position));
        }

        if (mode != SnapshotMode.InitialOnly)
        {
            Log.SlotMissingResnapshot(_logger, _config.Name, _config.SlotName, position);
        }
    }

    private async Task<PgOutputReplicationSlot> CreateSlotAsync(
        LogicalReplicationConnection replication, bool export, bool temporary, CancellationToken cancellationToken)
    {
        try
        {
            return await replication.CreatePgOutputReplicationSlot(
                _config.SlotName,
                temporarySlot: temporary,
                slotSnapshotInitMode: export ? LogicalSlotSnapshotInitMode.Export : LogicalSlotSnapshotInitMode.NoExport,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            throw new SlotInUseException(_config.SlotName, $"Replication slot '{_config.SlotName}' was created by another client at the same time: {e.MessageText}", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ConfigurationLimitExceeded)
        {
            throw new ConnectException(
                $"Cannot create replication slot '{_config.SlotName}': {e.MessageText}. Raise max_replication_slots or drop unused slots.", e);
        }
    }

    private async Task AcknowledgeLoopAsync(LogicalReplicationConnection replication, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Min(200, _config.StatusUpdateInterval.TotalMilliseconds));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
                await SendConfirmedAsync(replication, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException || PostgresConnectionErrors.IsConnectionLoss(e))
        {
            // The connection is gone: the stream's own read fails with the real cause, which is what the source
            // reports; a status update failing first must not take its place.
            Log.StatusUpdateFailed(_logger, _config.Name, e.GetType().Name, e.Message);
        }
    }

    private async Task SendConfirmedAsync(LogicalReplicationConnection replication, CancellationToken cancellationToken)
    {
        var acknowledged = Interlocked.Read(ref _acknowledged);
        if (acknowledged <= Interlocked.Read(ref _sent))
        {
            return;
        }

        replication.SetReplicationStatus(new NpgsqlLogSequenceNumber(acknowledged));
        await replication.SendStatusUpdate(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _sent, acknowledged);
        Log.Confirmed(_logger, _config.Name, new NpgsqlLogSequenceNumber(acknowledged).ToString());
    }

    // Ending the stream cancels the walsender's command, and the server may act on that cancel before it reads the status
    // update just written: the slot then keeps an older confirmed_flush_lsn and the next start re-sends what Kafka has.
    private async Task AwaitServerConfirmationAsync(NpgsqlConnection metadata)
    {
        var sent = Interlocked.Read(ref _sent);
        if (sent == 0)
        {
            return;
        }

        var lsn = new NpgsqlLogSequenceNumber(sent).ToString();
        try
        {
            var applied = await WaitInServerAsync(
                metadata,
                $"(SELECT confirmed_flush_lsn >= '{lsn}'::pg_lsn FROM pg_replication_slots WHERE slot_name = {SlotLiteral()}) IS NOT FALSE").ConfigureAwait(false);
            if (!applied)
            {
                Log.FinalConfirmationPending(_logger, _config.Name, _config.SlotName, lsn);
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            Log.FinalConfirmationUnchecked(_logger, _config.Name, _config.SlotName, lsn, e.GetType().Name, e.Message);
        }
    }

    // Drops this source's slot right after its own replication connection closed. The walsender releases the slot only
    // when it exits, which the client does not wait for; DropSlotAsync skips an active slot (it may be another
    // instance's), so without the wait a busy server would keep the slot slot.drop.on.stop promised to drop.
    private async Task DropOwnSlotAsync(NpgsqlConnection metadata)
    {
        await WaitInServerAsync(
            metadata,
            $"NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = {SlotLiteral()} AND active)").ConfigureAwait(false);
        await DropSlotAsync(metadata, CancellationToken.None).ConfigureAwait(false);
    }

    // Polls a condition inside the server, in 10 ms steps up to 5 s, and returns whether it holds: no client clock is
    // involved, so a stop under a test's clock cannot hang on it, and it is one round trip.
    private static async Task<bool> WaitInServerAsync(NpgsqlConnection connection, string condition)
    {
        var sql = $$"""
            DO $wait$ BEGIN
              FOR i IN 1..{{ServerWaitSteps}} LOOP
                EXIT WHEN {{condition}};
                PERFORM pg_sleep(0.01);
              END LOOP;
            END $wait$;
            SELECT {{condition}};
            """;
        await using var wait = new NpgsqlCommand(sql, connection);
        return await wait.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is true;
    }

    // slot.name is validated to [a-z0-9_]; quoting it anyway keeps the inlined literal safe.
    private string SlotLiteral() => "'" + _config.SlotName.Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task HeartbeatLoopAsync(ChannelWriter<PostgresSourceRecord> output, CancellationToken cancellationToken)
    {
        if (_config.HeartbeatInterval <= TimeSpan.Zero)
        {
            return;
        }

        var key = new StructBuilder(DebeziumSchemas.HeartbeatKey).Put("serverName", _config.TopicPrefix).Build();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_config.HeartbeatInterval, _time, cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!string.IsNullOrWhiteSpace(_config.HeartbeatActionQuery))
                    {
                        await using var connection = new NpgsqlConnection(_config.ConnectionString());
                        await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
                        await using var command = new NpgsqlCommand(_config.HeartbeatActionQuery, connection);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var value = new StructBuilder(DebeziumSchemas.HeartbeatValue).Put("ts_ms", _time.GetUtcNow().ToUnixTimeMilliseconds()).Build();
                    var record = new ConnectRecord(_config.HeartbeatTopic, null, DebeziumSchemas.HeartbeatKey, key, DebeziumSchemas.HeartbeatValue, value);

                    // Heartbeats carry no position (0): delivering them confirms nothing.
                    await output.WriteAsync(new PostgresSourceRecord(record, 0), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or ChannelClosedException)
                {
                    Log.HeartbeatFailed(_logger, _config.Name, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForDrainAsync()
    {
        try
        {
            await _drained.Task.WaitAsync(DrainTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DrainTimedOut(_logger, _config.Name);
        }
    }

    // The server drops a temporary slot when its session ends, but only once the backend has exited, which the client
    // does not wait for: an immediate restart would then find the name taken. Dropping it in the session is synchronous.
    private async Task DropTemporarySlotAsync(LogicalReplicationConnection replication)
    {
        try
        {
            await replication.DropReplicationSlot(_config.SlotName, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresConnectionErrors.IsConnectionLoss(e))
        {
            // The session is gone, and its temporary slot with it.
        }
    }

    private async Task DropSlotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", connection);
        command.Parameters.AddWithValue(_config.SlotName);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task OpenAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            // Name who tried where: a wrong secret in one of several environments is otherwise hard to place.
            var target = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
            throw new ConnectException(
                $"Cannot log in to database '{_config.DatabaseName}' as user '{target.Username}' on {target.Host}:{target.Port} (database.user, database.password): {e.MessageText}", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new ConnectException($"Database '{_config.DatabaseName}' does not exist: {e.MessageText}", e);
        }
    }
}
