using Confluent.Kafka;
using Serverless.Connect.Errors;
using Serverless.Connect.Runtime.Errors;
using Serverless.Connect.Sinks;

namespace Serverless.Connect.Hosting.Kafka;

/// <content>The consume loop, batching, commits and rebalance callbacks; all on the loop thread.</content>
public sealed partial class StandaloneSinkHost
{
    private SinkTaskStatus RunLoop(CancellationToken cancellationToken)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(_consumerConfig)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions))
            .SetErrorHandler((_, error) => LogConsumerError(_logger, error.Code, error.Reason))
            .Build();
        try
        {
            consumer.Subscribe(_subscription);
            _status = _status with { State = SinkTaskState.Running };
            LogStarted(_logger, ConnectorName, GroupId, string.Join(",", _subscription));
            foreach (var key in _ignoredConsumerKeys)
            {
                LogConsumerKeyIgnored(_logger, key);
            }

            RunBatches(consumer, cancellationToken);
            if (_killed)
            {
                return _status;
            }

            CommitDone(consumer, null);
            if (_status.State != SinkTaskState.Failed)
            {
                _status = _status with { State = SinkTaskState.Stopped };
            }
        }
        catch (Exception e)
        {
            // Anything escaping a batch stops the task, as WorkerSinkTask does; nothing past the failure is committed.
            Fail(e);
            if (!_killed)
            {
                CommitAfterFailure(consumer);
            }
        }
        finally
        {
            if (!_killed)
            {
                Close(consumer);
            }

            // Without Close the member stays in the group until session.timeout.ms, as after a crash.
            consumer.Dispose();
        }

        return _status;
    }

    private void RunBatches(IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var lastCommit = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && !_killed)
        {
            _redelivery.ResumeDue(consumer);
            FillBatch(consumer, cancellationToken);
            SampleLag(consumer);
            if (_killed)
            {
                return;
            }

            if (_batch.Count == 0)
            {
                // Idle: a buffering sink still gets its preCommit (scheduled rotation happens there, even with no new records).
                if (time.GetElapsedTime(lastCommit) >= _options.IdleCommitInterval)
                {
                    CommitDone(consumer, null);
                    lastCommit = time.GetTimestamp();
                }

                continue;
            }

            // A stop request lets the batch in progress finish (bounded), so what it wrote gets committed.
            using var drain = new CancellationTokenSource();
            using var stop = cancellationToken.Register(() => drain.CancelAfter(_options.ShutdownTimeout));
            try
            {
                ProcessBatchAsync(consumer, drain.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
                LogDrainAbandoned(_logger, _batch.Count);
                _batch.Clear();
                return;
            }

            _batch.Clear();
            if (_killed)
            {
                return;
            }

            CommitDone(consumer, null);
            lastCommit = time.GetTimestamp();
        }
    }

    private void FillBatch(IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        long lingerEnd = 0;
        while (_batch.Count < _maxBatch && !cancellationToken.IsCancellationRequested && !_killed)
        {
            var wait = _options.PollTimeout;
            if (_batch.Count > 0)
            {
                wait = time.GetElapsedTime(time.GetTimestamp(), lingerEnd) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }

            ConsumeResult<byte[]?, byte[]?>? result;
            try
            {
                result = consumer.Consume(wait);
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                LogConsumerError(_logger, e.Error.Code, e.Error.Reason);
                return;
            }

            if (result is null)
            {
                return;
            }

            if (result.IsPartitionEOF || _redelivery.IsPaused(result.TopicPartition) ||
                Offsets.IsCompleted(result.TopicPartition, result.Offset.Value))
            {
                // Paused partitions are rewound before they resume; completed records were already handled.
                continue;
            }

            Interlocked.Increment(ref _recordsRead);
            Offsets.Track(result.TopicPartition, result.Offset.Value);
            if (_batch.Count == 0)
            {
                lingerEnd = time.GetTimestamp() + (long)(_options.Linger.TotalSeconds * time.TimestampFrequency);
            }

            _batch.Add(result);
        }
    }

    private void CommitDone(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition>? only)
    {
        var pending = Offsets.PendingCommits(only);
        if (pending.Count == 0)
        {
            return;
        }

        var current = new Dictionary<SinkPartition, long>(pending.Count);
        foreach (var offset in pending)
        {
            current[new SinkPartition(offset.Topic, offset.Partition.Value)] = offset.Offset.Value;
        }

        IReadOnlyDictionary<SinkPartition, long> safe;
        try
        {
            // Connect's preCommit: a buffering sink holds commits behind what it has made durable.
            safe = _sink.PreCommitAsync(current, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (RetriableException e)
        {
            LogCommitFailed(_logger, e, e.Message);
            return;
        }

        var offsets = new List<TopicPartitionOffset>(safe.Count);
        foreach (var (partition, offset) in safe)
        {
            if (!current.TryGetValue(partition, out var highest))
            {
                continue;
            }

            var topicPartition = new TopicPartition(partition.Topic, partition.Partition);
            var commit = Math.Min(offset, highest);
            if (commit != Offsets.LastCommitted(topicPartition))
            {
                offsets.Add(new TopicPartitionOffset(topicPartition, commit));
            }
        }

        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
            Offsets.MarkCommitted(offsets);
            Interlocked.Increment(ref _commits);
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            // The watermark stays; the next batch (or the revoke) commits it again.
            LogCommitFailed(_logger, e, e.Error.Reason);
        }
    }

    private void CommitAfterFailure(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            // What was done before the failure is safe to commit; the failed record itself stays pending.
            CommitDone(consumer, null);
        }
        catch (KafkaException e)
        {
            LogCommitFailed(_logger, e, e.Error.Reason);
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            Offsets.Remove(partition);
            _redelivery.Remove(partition);
        }

        Interlocked.Add(ref _partitionCount, partitions.Count);
        LogAssigned(_logger, string.Join(",", partitions));
        _sink.OpenAsync(ToSinkPartitions(partitions), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> revoked)
    {
        if (_killed)
        {
            return;
        }

        var partitions = revoked.Select(p => p.TopicPartition).ToList();
        LogRevoked(_logger, string.Join(",", partitions));
        // Records of these partitions not yet processed are left to the next owner: they are not committed.
        DropBuffered(partitions);
        try
        {
            CommitDone(consumer, partitions);
        }
        catch (Exception e) when (e is ConnectException or KafkaException)
        {
            LogCommitFailed(_logger, e, e.Message);
        }

        CloseSinkPartitions(partitions);
        Forget(partitions);
    }

    private void OnLost(List<TopicPartitionOffset> lost)
    {
        var partitions = lost.Select(p => p.TopicPartition).ToList();
        LogLost(_logger, string.Join(",", partitions));
        DropBuffered(partitions);
        CloseSinkPartitions(partitions);
        Forget(partitions);
    }

    private void CloseSinkPartitions(List<TopicPartition> partitions)
    {
        try
        {
            _sink.CloseAsync(ToSinkPartitions(partitions), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (ConnectException e)
        {
            // Their uncommitted records are consumed again by the next owner; a close failure loses nothing.
            LogCommitFailed(_logger, e, e.Message);
        }
    }

    private static SinkPartition[] ToSinkPartitions(List<TopicPartition> partitions) =>
        [.. partitions.Select(p => new SinkPartition(p.Topic, p.Partition.Value))];

    private void DropBuffered(List<TopicPartition> partitions)
    {
        var set = new HashSet<TopicPartition>(partitions);
        _batch.RemoveAll(r => set.Contains(r.TopicPartition));
    }

    private void Forget(List<TopicPartition> partitions)
    {
        Interlocked.Add(ref _partitionCount, -partitions.Count);
        ForgetLag(partitions);
        foreach (var partition in partitions)
        {
            Offsets.Remove(partition);
            _redelivery.Remove(partition);
        }
    }

    private void Close(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            // Triggers the final revocation, which commits what is done.
            consumer.Close();
        }
        catch (KafkaException e)
        {
            LogCommitFailed(_logger, e, e.Error.Reason);
        }
    }

    private void Fail(Exception error)
    {
        _status = _status with { State = SinkTaskState.Failed, Trace = JavaStackTrace.Format(error) };
        LogTaskFailed(_logger, error, ConnectorName);
    }
}
