using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Serverless.Connect.Kafka.Mock;

namespace Serverless.Connect.Bench.Cdc;

/// <summary>
/// One CDC measurement: rows inserted while nothing reads (a backlog, as in a drain test), then the reader drains the
/// slot to a private Kafka mock cluster, then pg_recvlogical decodes the same WAL from its own slot.
/// </summary>
internal static class CdcBenchmark
{
    public const string Topic = "bench.public." + CdcWorkload.Table;

    public static async Task<CdcMeasurement> RunAsync(
        BenchContext context, long rows, int transactionSize, IReadOnlyDictionary<string, string> connectorOverrides, CancellationToken cancellationToken,
        bool snapshot = false)
    {
        var partitions = context.IntOption("partitions", 4);
        ProcessMemory.ResetOwnPeak();

        // A snapshot run: the rows exist before the reader creates its slot and reads the table (snapshot.mode=initial).
        await using var workload = await CdcWorkload.CreateAsync(cancellationToken, slots: !snapshot);
        BenchContext.Log($"database {workload.Database.Name}: inserting {rows:N0} rows, {transactionSize:N0} per transaction");
        await workload.InsertAsync(rows, transactionSize, cancellationToken);
        BenchContext.Log($"inserted in {workload.InsertDuration.TotalSeconds:0.0} s; WAL end {workload.EndLsn}");

        // A cluster of its own: other users of the shared one do not disturb the figure, and topics can be pre-created.
        using var kafka = MockKafkaCluster.Start(3);
        kafka.CreateTopic(Topic, partitions, 3);
        var directory = Directory.CreateTempSubdirectory("bench-cdc-");
        var config = Path.Combine(directory.FullName, "bench-cdc.properties");
        var connector = ConnectorConfig(context, workload, connectorOverrides);
        if (snapshot)
        {
            connector["snapshot.mode"] = "initial";
        }

        await File.WriteAllLinesAsync(config, connector.Select(p => $"{p.Key}={p.Value}"), cancellationToken);

        var run = await RunReaderAsync(context, workload, config, kafka.BootstrapServers, rows, snapshot, cancellationToken);
        var confirmed = await workload.ConfirmedFlushLsnAsync(workload.ReaderSlot, cancellationToken);
        var messages = EndOffsets(kafka.BootstrapServers, partitions);
        BenchContext.Log($"reader: {run.Rate:N0} rows/s, {run.CpuSeconds * 1e6 / rows:0.0} CPU µs/row, peak RSS {run.PeakRss / 1048576.0:0.0} MiB, {messages:N0} messages in Kafka, slot confirmed {confirmed} (acknowledged {run.AcknowledgedLsn}), load {run.Load}");

        directory.Delete(recursive: true);
        if (snapshot)
        {
            return new CdcMeasurement(
                rows, transactionSize, run.Seconds, run.Rate, run.Wall, double.NaN, double.NaN, run.PeakRss, messages,
                confirmed >= run.AcknowledgedLsn && run.AcknowledgedLsn > 0, run.CpuSeconds, run.Load, 0, ProcessMemory.OwnPeakBytes);
        }

        var decode = await PgRecvLogical.DecodeAsync(
            context.Services, workload.Database.Name, workload.DecoderSlot, CdcWorkload.Publication, workload.EndLsn, cancellationToken);
        var decoderRate = rows / decode.Elapsed.TotalSeconds;
        BenchContext.Log($"pg_recvlogical: {decode.Elapsed.TotalSeconds:0.00} s, {decoderRate:N0} rows/s, peak RSS {ProcessMemory.MiB(decode.PeakRssBytes)} MiB");

        return new CdcMeasurement(
            rows, transactionSize, run.Seconds, run.Rate, run.Wall, decode.Elapsed.TotalSeconds, decoderRate, run.PeakRss, messages,
            confirmed >= run.AcknowledgedLsn && run.AcknowledgedLsn > 0, run.CpuSeconds, run.Load, decode.PeakRssBytes, ProcessMemory.OwnPeakBytes);
    }

    /// <summary>The reader's connector keys for <paramref name="workload"/> (its slot, publication and database), then <paramref name="overrides"/>.</summary>
    internal static Dictionary<string, string> ConnectorConfig(BenchContext context, CdcWorkload workload, IReadOnlyDictionary<string, string> overrides)
    {
        var services = context.Services;
        var config = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = "bench-cdc",
            ["connector.class"] = "io.debezium.connector.postgresql.PostgresConnector",
            ["database.hostname"] = services.PostgresHost,
            ["database.port"] = services.PostgresPort.ToString(CultureInfo.InvariantCulture),
            ["database.user"] = services.PostgresUser,
            ["database.password"] = services.PostgresPassword,
            ["database.dbname"] = workload.Database.Name,
            ["topic.prefix"] = "bench",
            ["plugin.name"] = "pgoutput",
            ["slot.name"] = workload.ReaderSlot,
            ["publication.name"] = CdcWorkload.Publication,
            ["publication.autocreate.mode"] = "disabled",
            ["snapshot.mode"] = "no_data",
        };
        foreach (var (key, value) in overrides)
        {
            config[key] = value;
        }

        return config;
    }

    private static async Task<ReaderRun> RunReaderAsync(
        BenchContext context, CdcWorkload workload, string config, string bootstrap, long rows, bool snapshot, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap,
            ["CDC_LOG_LEVEL"] = "Warning",
        };
        var wall = Stopwatch.StartNew();
        var port = LocalPort.Free();
        await using var reader = ConnectVerbProcess.Start(
            context.ConnectDll, ["cdc", "--config", config, "--http-port", port.ToString(CultureInfo.InvariantCulture)], environment);
        using var health = new ReaderHealth(port);
        BenchContext.Log($"reader pid {reader.Pid}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180 + (rows / 2000));
        // Streaming starts when the slot turns active (start-up, the offsets read and the setup checks come before):
        // from then on to the last acknowledgement is what pg_recvlogical's run is compared with.
        await workload.WaitForActiveSlotAsync(workload.ReaderSlot, () => reader.HasExited, cancellationToken, exists: snapshot);
        var first = wall.Elapsed;
        var cpuAtStart = ProcessCpu.Read(reader.Pid) ?? TimeSpan.Zero;
        var loadAtStart = ProcessCpu.LoadAverage();
        BenchContext.Log($"slot active after {first.TotalSeconds:0.00} s");
        (long Delivered, ulong AcknowledgedLsn) last = default;
        while (true)
        {
            if (reader.HasExited)
            {
                throw new InvalidOperationException($"the reader exited early:\n{reader.StandardErrorTail}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the reader acknowledged {last.Delivered:N0} of {rows:N0} rows before the deadline:\n{reader.StandardErrorTail}");
            }

            var progress = await health.ProgressAsync(cancellationToken);
            var now = wall.Elapsed;
            reader.SampleMemory();

            if (progress is { } p)
            {
                last = p;
                if (p.Delivered >= rows)
                {
                    var seconds = (now - first).TotalSeconds;
                    var rate = p.Delivered / seconds;
                    var cpu = (ProcessCpu.Read(reader.Pid) ?? TimeSpan.Zero) - cpuAtStart;
                    var load = $"{loadAtStart} → {ProcessCpu.LoadAverage()}";
                    // A little longer, so the reader seals the last transaction and its position reaches /health.
                    for (var i = 0; i < 10; i++)
                    {
                        await Task.Delay(50, cancellationToken);
                        if (await health.ProgressAsync(cancellationToken) is { } later && later.AcknowledgedLsn > last.AcknowledgedLsn)
                        {
                            last = later;
                        }
                    }

                    var exit = await reader.StopAsync(TimeSpan.FromSeconds(60));
                    var peak = reader.PeakRssBytes;
                    if (exit != 0)
                    {
                        throw new InvalidOperationException($"the reader exited with {exit} on SIGTERM:\n{reader.StandardErrorTail}");
                    }

                    return new ReaderRun(seconds, rate, now.TotalSeconds, peak, last.AcknowledgedLsn, cpu.TotalSeconds, load);
                }
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static long EndOffsets(string bootstrap, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "bench-cdc-check" }).Build();
        long total = 0;
        for (var p = 0; p < partitions; p++)
        {
            total += consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(30)).High.Value;
        }

        return total;
    }
}
