using System.Threading.Channels;
using Npgsql;
using Npgsql.Replication;
using Npgsql.Replication.PgOutput;
using Npgsql.Replication.PgOutput.Messages;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Turns the pgoutput stream into Debezium change events on the output channel.</summary>
internal sealed class ChangeStreamReader
{
    private readonly PostgresConnectorConfig _config;
    private readonly RelationCache _relations;
    private readonly ChangeEventBuilder _events;
    private readonly NpgsqlConnection _metadata;
    private readonly ChannelWriter<PostgresSourceRecord> _output;
    private readonly TransactionState _tx = new();
    private ulong? _lastCommitLsn;

    public ChangeStreamReader(
        PostgresConnectorConfig config, RelationCache relations, ChangeEventBuilder events, NpgsqlConnection metadata, ChannelWriter<PostgresSourceRecord> output)
    {
        _config = config;
        _relations = relations;
        _events = events;
        _metadata = metadata;
        _output = output;
    }

    /// <summary>Gets the end LSN of the last transaction handed to the output.</summary>
    public ulong LastEmittedLsn { get; private set; }

    /// <summary>
    /// Streams until <paramref name="replicationToken"/> is cancelled. After <paramref name="stopToken"/> the stream stays
    /// open (so the final confirmation can still be sent) but messages are no longer emitted; they are re-read after restart.
    /// </summary>
    public async Task RunAsync(LogicalReplicationConnection replication, PgOutputReplicationSlot slot, CancellationToken stopToken, CancellationToken replicationToken)
    {
        var options = new PgOutputReplicationOptions(_config.PublicationName, PgOutputProtocolVersion.V1);
        await foreach (var message in replication.StartReplication(slot, options, replicationToken).ConfigureAwait(false))
        {
            if (stopToken.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                await HandleAsync(message, stopToken).ConfigureAwait(false);
            }
            catch (Exception e) when (stopToken.IsCancellationRequested && e is OperationCanceledException or ChannelClosedException)
            {
                // Stopping: the consumer no longer reads; nothing of this transaction is confirmed.
            }
        }
    }

    private async Task HandleAsync(PgOutputReplicationMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case BeginMessage begin:
                _tx.Begin(begin.TransactionXid, (ulong)begin.TransactionFinalLsn, begin.TransactionCommitTimestamp);
                break;
            case RelationMessage relation:
                await _relations.UpdateAsync(relation, _metadata, cancellationToken).ConfigureAwait(false);
                break;
            case InsertMessage insert:
                if (_relations.Get(insert.Relation.RelationId) is { } insertTable)
                {
                    var lsn = (ulong)insert.WalStart;
                    var row = await TupleReader.ReadAsync(insert.NewRow, cancellationToken).ConfigureAwait(false);
                    await EmitAsync(insertTable, "c", insertTable.BuildKey(row), null, insertTable.BuildValue(row), lsn, null, cancellationToken).ConfigureAwait(false);
                }

                break;
            case UpdateMessage update:
                await HandleUpdateAsync(update, cancellationToken).ConfigureAwait(false);
                break;
            case DeleteMessage delete:
                await HandleDeleteAsync(delete, cancellationToken).ConfigureAwait(false);
                break;
            case TruncateMessage truncate:
                var lsnTruncate = (ulong)truncate.WalStart;
                var ids = truncate.Relations.Select(r => r.RelationId).ToList();
                foreach (var id in ids)
                {
                    if (_relations.Get(id) is { } truncated)
                    {
                        await EmitAsync(truncated, "t", null, null, null, lsnTruncate, null, cancellationToken, keyless: true).ConfigureAwait(false);
                    }
                }

                break;
            case CommitMessage commit:
                await CommitAsync((ulong)commit.CommitLsn, (ulong)commit.TransactionEndLsn, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task HandleUpdateAsync(UpdateMessage update, CancellationToken cancellationToken)
    {
        var table = _relations.Get(update.Relation.RelationId);
        if (table is null)
        {
            return;
        }

        var lsn = (ulong)update.WalStart;
        RawValue[]? old = null;
        if (update is FullUpdateMessage full)
        {
            old = await TupleReader.ReadAsync(full.OldRow, cancellationToken).ConfigureAwait(false);
        }
        else if (update is IndexUpdateMessage index)
        {
            old = await TupleReader.ReadAsync(index.Key, cancellationToken).ConfigureAwait(false);
        }

        var row = await TupleReader.ReadAsync(update.NewRow, cancellationToken).ConfigureAwait(false);
        var after = table.BuildValue(row);
        var key = table.BuildKey(row);
        var before = old is null ? null : table.BuildValue(old);
        var oldKey = old is null ? null : table.BuildKey(old);
        if (oldKey is not null && !oldKey.Equals(key))
        {
            // A primary-key change is a delete of the old key and a create of the new one, as in Debezium.
            var deleteHeaders = ConnectHeaders.Empty.Add("__debezium.newkey", table.KeySchema, key);
            await EmitAsync(table, "d", oldKey, before, null, lsn, deleteHeaders, cancellationToken).ConfigureAwait(false);
            if (_config.TombstonesOnDelete)
            {
                await WriteAsync(_events.Tombstone(table, oldKey), cancellationToken).ConfigureAwait(false);
            }

            var createHeaders = ConnectHeaders.Empty.Add("__debezium.oldkey", table.KeySchema, oldKey);
            await EmitAsync(table, "c", key, null, after, lsn, createHeaders, cancellationToken).ConfigureAwait(false);
            return;
        }

        await EmitAsync(table, "u", key, before, after, lsn, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleDeleteAsync(DeleteMessage delete, CancellationToken cancellationToken)
    {
        var table = _relations.Get(delete.Relation.RelationId);
        if (table is null)
        {
            return;
        }

        var lsn = (ulong)delete.WalStart;
        var old = delete switch
        {
            FullDeleteMessage full => await TupleReader.ReadAsync(full.OldRow, cancellationToken).ConfigureAwait(false),
            KeyDeleteMessage byKey => await TupleReader.ReadAsync(byKey.Key, cancellationToken).ConfigureAwait(false),
            _ => throw new Errors.ConnectException($"Unexpected delete message {delete.GetType().Name}"),
        };
        var key = table.BuildKey(old);
        await EmitAsync(table, "d", key, table.BuildValue(old), null, lsn, null, cancellationToken).ConfigureAwait(false);
        if (_config.TombstonesOnDelete)
        {
            await WriteAsync(_events.Tombstone(table, key), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EmitAsync(
        TableSchema table, string op, Struct? key, Struct? before, Struct? after, ulong lsn, ConnectHeaders? headers, CancellationToken cancellationToken, bool keyless = false)
    {
        Struct? block = null;
        if (_config.ProvideTransactionMetadata)
        {
            if (_tx.EventCount == 0)
            {
                await WriteAsync(_tx.BeginEvent(_config), cancellationToken).ConfigureAwait(false);
            }

            block = _tx.NextBlock(table.DataCollection);
        }
        else
        {
            _tx.Count(table.DataCollection);
        }

        var position = new SourcePosition(_tx.CommitTime, null, _tx.Xid, lsn, _lastCommitLsn, block);
        var record = _events.Change(table, op, key, before, after, position, headers);
        if (keyless)
        {
            record = record with { KeySchema = null, Key = null };
        }

        await WriteAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(ulong commitLsn, ulong endLsn, CancellationToken cancellationToken)
    {
        if (_config.ProvideTransactionMetadata && _tx.EventCount > 0)
        {
            await WriteAsync(_tx.EndEvent(_config), cancellationToken).ConfigureAwait(false);
        }

        await _output.WriteAsync(new PostgresSourceRecord(null, endLsn), cancellationToken).ConfigureAwait(false);
        _lastCommitLsn = commitLsn;
        LastEmittedLsn = endLsn;
    }

    private ValueTask WriteAsync(ConnectRecord record, CancellationToken cancellationToken) =>
        _output.WriteAsync(new PostgresSourceRecord(record, _tx.EndLsn), cancellationToken);
}
