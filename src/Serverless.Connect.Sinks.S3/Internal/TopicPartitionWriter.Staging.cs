using System.Text.Json;
using Serverless.Connect.Errors;
using Serverless.Connect.Sinks.S3.Internal.Staging;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>Staging mode: the checkpoint and chunks of a partition, written after every put and restored by a new task.</summary>
internal sealed partial class TopicPartitionWriter
{
    /// <summary>Loads the checkpoint the first time, and again whenever another task instance has replaced it.</summary>
    private async Task SyncWithCheckpointAsync(CancellationToken cancellationToken)
    {
        var key = _s.Keys.CheckpointKey(_partition.Topic, _partition.Partition);
        var (content, etag, unchanged) = await _s.Storage.GetAsync(key, _loaded ? _checkpointETag : null, cancellationToken).ConfigureAwait(false);
        if (_loaded && (unchanged || (content is null && _checkpointETag is null)))
        {
            return;
        }

        // First use, or someone else (a task in another invocation or process) moved on: rebuild from S3.
        await AbortAsync().ConfigureAwait(false);
        _next = null;
        _safe = null;
        if (content is not null)
        {
            var checkpoint = JsonSerializer.Deserialize<PartitionCheckpoint>(content, s_json)
                ?? throw new ConnectException($"Checkpoint {key} of {_partition} is empty.");
            await RestoreAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        }

        _checkpointETag = etag;
        _loaded = true;
    }

    private async Task RestoreAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        foreach (var file in checkpoint.Files)
        {
            if (file.UploadId is { } uploadId)
            {
                var key = _s.Keys.FileKey(_partition.Topic, file.EncodedPartition, _partition.Partition, file.StartOffset);
                await _s.Storage.AbortAsync(key, uploadId).ConfigureAwait(false);
            }
        }

        foreach (var chunk in checkpoint.Chunks)
        {
            var key = _s.Keys.ChunkKey(_partition.Topic, _partition.Partition, chunk);
            var (content, _, _) = await _s.Storage.GetAsync(key, null, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                throw new ConnectException($"Staged chunk {key} named by the checkpoint of {_partition} is missing.");
            }

            foreach (var staged in StagingCodec.Decode(content, _partition.Topic, _partition.Partition))
            {
                if (!_files.TryGetValue(staged.EncodedPartition, out var file))
                {
                    file = await OpenFileAsync(staged.EncodedPartition, staged.Record, cancellationToken).ConfigureAwait(false);
                }

                file.Writer.Write(staged.Record);
                if (file.Writer.RecordCount % _o.ParquetRowGroupRecords == 0)
                {
                    await file.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var file in checkpoint.Files)
        {
            if (!_files.TryGetValue(file.EncodedPartition, out var open) || open.StartOffset != file.StartOffset)
            {
                throw new ConnectException(
                    $"Checkpoint of {_partition} names an open file {file.EncodedPartition}@{file.StartOffset} its chunks do not rebuild.");
            }
        }

        _chunks = [.. checkpoint.Chunks];
        _next = checkpoint.NextOffset;
        _safe = checkpoint.NextOffset;
        _recordCount = checkpoint.RecordCount;
        _baseTimestamp = checkpoint.BaseRecordTimestamp;
        _lastEncoded = checkpoint.LastEncodedPartition;
    }

    /// <summary>Makes the put durable: one chunk with the records still in open files, then the checkpoint that names it.</summary>
    private async Task WriteCheckpointAsync(CancellationToken cancellationToken)
    {
        if (_staged.Count > 0)
        {
            var start = _staged[0].Record.KafkaOffset;
            using var chunk = new MemoryStream(StagingCodec.Encode(_staged));
            await _s.Storage.PutAsync(_s.Keys.ChunkKey(_partition.Topic, _partition.Partition, start), chunk, cancellationToken).ConfigureAwait(false);
            _chunks.Add(start);
            _staged.Clear();
        }

        var checkpoint = new PartitionCheckpoint
        {
            NextOffset = _next ?? 0,
            RecordCount = _recordCount,
            BaseRecordTimestamp = _baseTimestamp,
            LastEncodedPartition = _lastEncoded,
            Files = _files.Values.Select(f => new CheckpointFile(f.EncodedPartition, f.StartOffset, UploadIdOf(f))).ToList(),
            Chunks = [.. _chunks],
        };
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(checkpoint, s_json));
        _checkpointETag = await _s.Storage.PutAsync(_s.Keys.CheckpointKey(_partition.Topic, _partition.Partition), body, cancellationToken)
            .ConfigureAwait(false);
        _loaded = true;
        _safe = _next;

        // Chunks of committed files are garbage once the checkpoint no longer names them; a leftover is harmless.
        foreach (var obsolete in _obsoleteChunks.Except(_chunks).ToList())
        {
            try
            {
                await _s.Storage.DeleteAsync(_s.Keys.ChunkKey(_partition.Topic, _partition.Partition, obsolete), cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectException)
            {
                break;
            }
        }

        _obsoleteChunks.Clear();
    }

    private static string? UploadIdOf(OpenFile file) => file.Writer switch
    {
        IUploadOwner owner => owner.UploadId,
        _ => null,
    };
}
