using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.TestUtilities;
using Xunit.Abstractions;

namespace Serverless.Connect.Sinks.S3.Tests;

/// <summary>The real <c>./connect sink</c> process with the S3 sink: SIGKILLed several times during a 20,000-record run.</summary>
public sealed class ConnectSinkProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int Partitions = 4;
    private const int PerPartition = 5000;
    private readonly string _directory = Directory.CreateTempSubdirectory("s3sink-").FullName;

    [Fact]
    public async Task Sigkills_during_a_20000_record_Parquet_Hourly_RecordField_run_leave_every_record_in_exactly_one_object()
    {
        await using var bucket = await TestBucket.CreateAsync("proc-sigkill");
        // The mock cluster auto-creates topics with 4 partitions on first use.
        var topic = TestKafka.UniqueTopic();
        await ProduceAsync(topic);
        var services = LocalServices.Current;
        var name = TestNames.Unique("c", "s3-sigkill", '-', 60);
        var settings = new Dictionary<string, string>
        {
            ["name"] = name,
            ["connector.class"] = "io.confluent.connect.s3.S3SinkConnector",
            ["topics"] = topic,
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "org.apache.kafka.connect.json.JsonConverter",
            ["value.converter.schemas.enable"] = "true",
            ["s3.bucket.name"] = bucket.Name,
            ["s3.region"] = "us-east-1",
            ["store.url"] = services.S3Endpoint.ToString(),
            ["aws.access.key.id"] = services.S3AccessKey,
            ["aws.secret.access.key"] = services.S3SecretKey,
            ["storage.class"] = "io.confluent.connect.s3.storage.S3Storage",
            ["format.class"] = "io.confluent.connect.s3.format.parquet.ParquetFormat",
            ["flush.size"] = "500",
            ["partitioner.class"] = "io.confluent.connect.storage.partitioner.HourlyPartitioner",
            ["locale"] = "en-US",
            ["timezone"] = "UTC",
            ["timestamp.extractor"] = "RecordField",
            ["timestamp.field"] = "at",
            ["consumer.override.max.poll.records"] = "137",
            ["consumer.override.session.timeout.ms"] = "6000",
        };
        var config = Path.Combine(_directory, "connector.properties");
        File.WriteAllLines(config, settings.Select(e => $"{e.Key}={e.Value.Replace(":", "\\:", StringComparison.Ordinal)}"));
        var worker = Path.Combine(_directory, "worker.properties");
        File.WriteAllLines(worker, ["bootstrap.servers=" + TestKafka.BootstrapServers.Replace(":", "\\:", StringComparison.Ordinal), "group.id=connect-cluster"]);

        // Kill whenever a few more objects have appeared, three times, then let a last process finish.
        var kills = 0;
        for (var round = 0; round < 4; round++)
        {
            var before = (await S3TestSupport.KeysAsync(bucket, "topics/")).Count;
            await using var process = ConnectProcess.Start(["sink", "--config", config, "--worker", worker]);
            if (round < 3)
            {
                // A fast process can finish every file before this round's quota appears; then the kill lands after
                // the last commit, which the final round and the exactly-once check still cover.
                await PollAsync(async () => process.HasExited
                        || (await S3TestSupport.KeysAsync(bucket, "topics/")).Count >= before + 3 + round
                        || Committed(topic, name).All(c => c == PerPartition),
                    "the process wrote some objects", TimeSpan.FromMinutes(4));
                Assert.False(process.HasExited, process.StandardError);
                process.KillHard();
                await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
                kills++;
                output.WriteLine($"SIGKILL {kills}: committed {string.Join(",", Committed(topic, name))}");
            }
            else
            {
                // Give the process time to install its SIGTERM handler even when everything was committed before it started.
                var started = DateTime.UtcNow;
                await PollAsync(async () => await Task.FromResult(process.HasExited
                        || (Committed(topic, name).All(c => c == PerPartition) && DateTime.UtcNow - started > TimeSpan.FromSeconds(15))),
                    "the last process committed everything", TimeSpan.FromMinutes(5));
                Assert.False(process.HasExited, process.StandardError);
                process.Signal(PosixSignal.SIGTERM);
                Assert.Equal(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            }
        }

        var harness = new RedeliveryHarness(bucket, [], Sinks.SinkHostKind.Standalone, 0) { Partitions = Partitions, PerPartition = PerPartition };
        var rows = await harness.ReadBackAsync();
        Assert.Equal(Partitions * PerPartition, rows.Count);
        harness.AssertExactlyOnce(rows, 500, hourFolders: true);
    }

    public void Dispose() => Directory.Delete(_directory, true);

    private static async Task PollAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            Assert.False(cts.IsCancellationRequested, $"Timed out waiting until {what}.");
            await Task.Delay(300);
        }
    }

    private static async Task ProduceAsync(string topic)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
        {
            BootstrapServers = TestKafka.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();
        const string Schema = "{\"type\":\"struct\",\"name\":\"Row\",\"optional\":false,\"fields\":[" +
            "{\"field\":\"p\",\"type\":\"int32\",\"optional\":false},{\"field\":\"o\",\"type\":\"int64\",\"optional\":false}," +
            "{\"field\":\"at\",\"type\":\"int64\",\"optional\":false,\"name\":\"org.apache.kafka.connect.data.Timestamp\",\"version\":1}," +
            "{\"field\":\"payload\",\"type\":\"string\",\"optional\":false}]}";
        var failures = 0;
        for (var o = 0; o < PerPartition; o++)
        {
            for (var p = 0; p < Partitions; p++)
            {
                var at = RedeliveryHarness.TimestampOf(p, o);
                var value = $"{{\"schema\":{Schema},\"payload\":{{\"p\":{p},\"o\":{o},\"at\":{at},\"payload\":\"payload-{p}-{o}\"}}}}";
                producer.Produce(new TopicPartition(topic, p), new Message<byte[]?, byte[]?>
                {
                    Key = Encoding.UTF8.GetBytes($"k{o}"),
                    Value = Encoding.UTF8.GetBytes(value),
                }, r =>
                {
                    if (r.Error.IsError)
                    {
                        Interlocked.Increment(ref failures);
                    }
                });
            }
        }

        await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(120)));
        Assert.Equal(0, failures);
    }

    private static long[] Committed(string topic, string connectorName)
    {
        using var consumer = TestKafka.CreateConsumer("connect-" + connectorName);
        var committed = consumer.Committed(Enumerable.Range(0, Partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value < 0 ? 0 : c.Offset.Value).ToArray();
    }
}
