using Serverless.Connect.CdcReader;
using Serverless.Connect.Kafka.Lag;
using Spectre.Console;

namespace Serverless.Connect.Demo.Internal;

internal sealed partial class DemoRun
{
    /// <summary>
    /// Samples every stage once a second (connector counters, slot lag, the sinks' committed offsets through the lag
    /// reader, the bucket listing) and draws the live view.
    /// </summary>
    private sealed class Monitor(
        DemoRun run,
        DemoDatabase database,
        DemoBucket bucket,
        TopicWatcher watcher,
        LoadGenerator load,
        CdcConnector source,
        CdcConnector outbox,
        RunningSink? s3,
        RunningSink? elasticsearch,
        Task sourceTask,
        Task outboxTask)
    {
        private readonly ConsumerLagReader _lag = new(run._services.KafkaBootstrapServers, TimeSpan.FromSeconds(5));
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Stage, long> _sinkLag = new();
        private int _ticks;
        private long _lastTotal = -1;
        private long _lastChange;

        public bool AnyFailed => run.Stages.Any(s => s.State == StageState.Failed);

        public int Objects { get; private set; }

        public async Task RunAsync(long loadStarted, CancellationToken stop)
        {
            try
            {
                if (run._options.Interactive)
                {
                    await AnsiConsole.Live(DemoDisplay.Table(Title(loadStarted), run.Stages, Footer))
                        .AutoClear(false)
                        .Overflow(VerticalOverflow.Visible)
                        .StartAsync(async context =>
                        {
                            while (!stop.IsCancellationRequested)
                            {
                                await TickAsync(stop);
                                context.UpdateTarget(DemoDisplay.Table(Title(loadStarted), run.Stages, Footer));
                                await Task.Delay(TimeSpan.FromSeconds(1), run._time, stop);
                            }
                        });
                }
                else
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await TickAsync(stop);
                        if (_ticks % 5 == 0)
                        {
                            await run._output.WriteLineAsync(DemoDisplay.Line(run._time.GetElapsedTime(loadStarted), run.Stages));
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1), run._time, stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        /// <summary>Waits until Kafka holds every committed change and every sink has committed everything (or the timeout).</summary>
        public async Task<bool> DrainAsync(TimeSpan timeout)
        {
            run._load.State = StageState.Stopped;
            var deadline = run._time.GetTimestamp();
            while (run._time.GetElapsedTime(deadline) < timeout)
            {
                if (AnyFailed || Drained())
                {
                    return !AnyFailed;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), run._time, CancellationToken.None);
            }

            return false;
        }

        /// <summary>A last sample after every connector stopped.</summary>
        public async Task FinalAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await TickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }

            _lag.Dispose();
        }

        private bool Drained()
        {
            var settled = Settled();
            var counters = load.Counters;
            var names = run._names;
            var events = watcher.Count(names.OrderCreatedTopic) + watcher.Count(names.OrderShippedTopic);
            var rows = watcher.Count(names.OrdersTopic) + watcher.Count(names.CustomersTopic);

            // Deletes leave nothing after the seed's unwrap (delete.handling.mode drop, drop.tombstones true).
            var expectedRows = InitialCustomers + InitialOrders + counters.Inserts + counters.Updates;
            var sinksCaughtUp = new[] { (run._s3, s3), (run._elasticsearch, elasticsearch) }
                .All(pair => pair.Item2 is null || (_sinkLag.TryGetValue(pair.Item1, out var lag) && lag == 0 && pair.Item1.Records > 0));
            return sinksCaughtUp && ((events >= counters.OutboxEvents && rows >= expectedRows) || settled);
        }

        // Nothing new reached Kafka for 5 s: the sources have nothing left to send.
        private bool Settled()
        {
            var total = watcher.Count(run._names.OrdersTopic) + watcher.Count(run._names.CustomersTopic)
                + watcher.Count(run._names.OrderCreatedTopic) + watcher.Count(run._names.OrderShippedTopic);
            var now = run._time.GetTimestamp();
            if (total != _lastTotal)
            {
                _lastTotal = total;
                _lastChange = now;
            }

            return run._time.GetElapsedTime(_lastChange, now) > TimeSpan.FromSeconds(5);
        }

        private string Title(long loadStarted)
        {
            var elapsed = run._time.GetElapsedTime(loadStarted);
            var limit = run._options.Duration is { } d ? $" of {d.TotalSeconds:F0}" : "";
            return $"{run._names.Id}: {elapsed.TotalSeconds:F0}{limit} s, {run._options.Rate} rows/s";
        }

        private static string Footer =>
            "lag: WAL bytes behind each slot (sources), records behind the committed offsets (sinks). Ctrl-C: stop and summarise.";

        private async Task TickAsync(CancellationToken cancellationToken)
        {
            _ticks++;
            run._load.Update(load.Counters.Rows);
            if (run._load.State == StageState.Starting)
            {
                run._load.State = StageState.Running;
            }

            run._load.Note = $"{load.Counters.Inserts} ins, {load.Counters.Updates} upd, {load.Counters.Deletes} del, {load.Counters.OutboxEvents} outbox ({load.Counters.Malformed} malformed)";
            IReadOnlyDictionary<string, long> slots = new Dictionary<string, long>();
            try
            {
                slots = await database.SlotLagAsync(cancellationToken);
            }
            catch (Npgsql.NpgsqlException)
            {
                // Transient: the next tick asks again.
            }

            UpdateSource(run._source, source, sourceTask, slots.TryGetValue(run._names.SourceSlot, out var a) ? a : null);
            UpdateSource(run._outbox, outbox, outboxTask, slots.TryGetValue(run._names.OutboxSlot, out var b) ? b : null);
            await UpdateSinkAsync(run._s3, s3, run._names.S3DeadLetterTopic, cancellationToken);
            await UpdateSinkAsync(run._elasticsearch, elasticsearch, run._names.ElasticsearchDeadLetterTopic, cancellationToken);
            if (s3 is not null && _ticks % 3 == 1)
            {
                try
                {
                    Objects = (await bucket.ListAsync(cancellationToken)).Count;
                    run._s3.Note = $"{Objects} objects";
                }
                catch (Amazon.Runtime.AmazonServiceException)
                {
                }
            }
        }

        private static void UpdateSource(Stage stage, CdcConnector connector, Task task, long? slotLag)
        {
            stage.Update(connector.DeliveredCount);
            stage.Lag = slotLag;
            if (task.IsFaulted)
            {
                stage.State = StageState.Failed;
                stage.Note = task.Exception?.GetBaseException().Message;
            }
            else if (stage.State == StageState.Starting)
            {
                stage.State = StageState.Running;
            }
        }

        private async Task UpdateSinkAsync(Stage stage, RunningSink? sink, string deadLetterTopic, CancellationToken cancellationToken)
        {
            if (sink is null)
            {
                return;
            }

            stage.DeadLetters = watcher.Count(deadLetterTopic);
            if (sink.Run.IsCompletedSuccessfully && sink.Run.Result.State == Hosting.Kafka.SinkTaskState.Failed && stage.State != StageState.Failed)
            {
                stage.State = StageState.Failed;
                stage.Note = sink.Run.Result.Trace?.Split('\n', 2)[0].Trim();
            }

            try
            {
                var offsets = await _lag.ReadAsync(sink.Host.GroupId, sink.Topics, cancellationToken);
                long written = 0, lag = 0;
                foreach (var partition in offsets)
                {
                    var committed = partition.Committed ?? partition.Start;
                    written += committed - partition.Start;
                    lag += Math.Max(0, partition.End - committed);
                    watcher.SinkCommitted(partition.Topic, partition.Partition, committed);
                }

                stage.Update(written);
                stage.Lag = lag;
                _sinkLag[stage] = lag;
            }
            catch (Confluent.Kafka.KafkaException)
            {
                // Transient (a broker is busy): the next tick asks again.
            }
        }
    }
}
