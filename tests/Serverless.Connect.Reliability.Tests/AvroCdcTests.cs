using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Serverless.Connect.CdcReader;
using Serverless.Connect.Converters;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Converters.Avro.Tests.Registry;
using Serverless.Connect.Data;
using Serverless.Connect.Kafka.Mock;
using Serverless.Connect.Sources.Postgres.Tests;
using Serverless.Connect.TestUtilities;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// The CDC reader with Confluent's AvroConverter for keys and values (real PostgreSQL, in-process Kafka, the Schema
/// Registry REST server of the converter's tests): events are in the Confluent wire format, the TopicNameStrategy
/// subjects are registered, and decoding gives Debezium's key and envelope.
/// </summary>
public sealed class AvroCdcTests
{
    private const string Topic = "srv.public.items";

    [Fact]
    public async Task CdcWithAvroConverter_WritesConfluentWireFormat_RegistersTheTopicSubjects_AndDecodesToTheDebeziumEnvelope()
    {
        await using var registry = await SchemaRegistryServer.StartAsync();
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, body text)");
        using var kafka = MockKafkaCluster.Start(1);
        kafka.CreateTopic(Topic, 1);
        var config = SourceHarness.Config(
            db,
            ("bootstrap.servers", kafka.BootstrapServers),
            ("key.converter", AvroConverter.ClassName),
            ("key.converter.schema.registry.url", registry.Url),
            ("value.converter", AvroConverter.ClassName),
            ("value.converter.schema.registry.url", registry.Url));
        var connector = new CdcConnector(config);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => connector.RunAsync(stop.Token));
        await SourceHarness.WaitForSlotAsync(db, config["slot.name"], run);
        await db.ExecuteAsync("INSERT INTO items VALUES (1, 'one'), (2, 'two')");
        await db.ExecuteAsync("UPDATE items SET body = 'uno' WHERE id = 1");

        var messages = await ReadAsync(kafka.BootstrapServers, 3);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        using var keys = Reader(registry, isKey: true);
        using var values = Reader(registry, isKey: false);
        var events = messages.Select(m =>
        {
            Assert.Equal(0, m.Value![0]);
            Assert.Equal(0, m.Key![0]);
            return (Key: (Struct)keys.ToConnectData(Topic, m.Key).Value!, Value: values.ToConnectData(Topic, m.Value));
        }).ToList();
        Assert.Equal([1, 2, 1], events.Select(e => (int)e.Key.Get("id")!));
        Assert.Equal("srv.public.items.Envelope", events[0].Value.Schema!.Name);
        var envelopes = events.Select(e => (Struct)e.Value.Value!).ToList();
        Assert.Equal(["c", "c", "u"], envelopes.Select(e => (string)e.Get("op")!));
        Assert.Equal(["one", "two", "uno"], envelopes.Select(e => (string)((Struct)e.Get("after")!).Get("body")!));
        var source = (Struct)envelopes[2].Get("source")!;
        Assert.Equal("postgresql", source.Get("connector"));
        Assert.Equal("items", source.Get("table"));
        Assert.Equal(db.Name, source.Get("db"));

        using var http = new HttpClient { BaseAddress = new Uri(registry.Url) };
        var subjects = await http.GetFromJsonAsync<string[]>("/subjects");
        Assert.Equal([Topic + "-key", Topic + "-value"], subjects!.Order(StringComparer.Ordinal));
        var latest = await http.GetFromJsonAsync<JsonObject>($"/subjects/{Topic}-value/versions/latest");
        var schemaText = latest!["schema"]!.GetValue<string>();
        Assert.Contains("\"name\":\"Envelope\"", schemaText, StringComparison.Ordinal);
        Assert.Contains("\"connect.name\":\"srv.public.items.Envelope\"", schemaText, StringComparison.Ordinal);
    }

    private static AvroConverter Reader(SchemaRegistryServer registry, bool isKey)
    {
        var converter = new AvroConverter();
        converter.Configure(new Dictionary<string, string>(StringComparer.Ordinal) { ["schema.registry.url"] = registry.Url }, isKey);
        return converter;
    }

    private static async Task<List<Message<byte[]?, byte[]?>>> ReadAsync(string bootstrap, int expected)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = TestKafka.UniqueGroup(),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(Topic);
        var messages = new List<Message<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            if (await Task.Run(() => consumer.Consume(TimeSpan.FromMilliseconds(200))) is { IsPartitionEOF: false } result)
            {
                messages.Add(result.Message);
            }
        }

        consumer.Close();
        Assert.Equal(expected, messages.Count);
        return messages;
    }
}
