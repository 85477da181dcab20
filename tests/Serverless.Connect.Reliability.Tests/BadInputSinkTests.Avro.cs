using System.Text.Json.Nodes;
using Serverless.Connect.Converters;
using Serverless.Connect.Converters.Avro;
using Serverless.Connect.Converters.Avro.Tests.Registry;
using Serverless.Connect.Data;
using Serverless.Connect.Hosting.Kafka.Tests;

namespace Serverless.Connect.Reliability.Tests;

/// <summary>
/// Confluent's AvroConverter on the standalone sink host: values in the Confluent wire format, schemas in a Schema
/// Registry (the in-process REST server of the converter's tests, with basic auth as pasted Strimzi configs use it).
/// </summary>
public sealed partial class BadInputSinkTests
{
    private const string RegistryUser = "sink:s3cret";

    [Fact]
    public async Task BadInput_AvroValueWithAnUnknownSchemaId_IsDeadLettered_AndTheAvroRecordsAreIndexedAsWritten()
    {
        await using var registry = await SchemaRegistryServer.StartAsync(RegistryUser);
        await using var scenario = await SinkScenario.CreateAsync(1);
        scenario.Settings.Remove("value.converter.schemas.enable");
        scenario.Settings["value.converter"] = AvroConverter.ClassName;
        scenario.Settings["value.converter.schema.registry.url"] = registry.Url;
        scenario.Settings["value.converter.basic.auth.credentials.source"] = "USER_INFO";
        scenario.Settings["value.converter.basic.auth.user.info"] = RegistryUser;
        var dlq = Tolerate(scenario);
        var schema = SchemaBuilder.Struct().Name("shop.Order")
            .Field("id", Schema.Int32Schema)
            .Field("customer", Schema.StringSchema)
            .Field("total", Schema.Float64Schema)
            .Field("note", Schema.OptionalStringSchema)
            .Build();
        var orders = Enumerable.Range(0, 20).Select(i => new StructBuilder(schema)
            .Put("id", i).Put("customer", $"c{i % 3}").Put("total", i * 1.25).Put("note", i % 2 == 0 ? null : $"note {i}").Build()).ToList();
        using var writer = new AvroConverter();
        writer.Configure(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["schema.registry.url"] = registry.Url,
                ["basic.auth.credentials.source"] = "USER_INFO",
                ["basic.auth.user.info"] = RegistryUser,
            },
            isKey: false);
        var records = orders.Select((order, i) => ($"k{i}", writer.FromConnectData(scenario.Topic, schema, order))).ToList();

        // Framed for schema id 424242 (0x00067932), which this registry never issued: written against another
        // registry, or its schema was deleted. The body is a valid record for the schema above.
        byte[] unknownSchema = [0, 0x00, 0x06, 0x79, 0x32, .. records[0].Item2!.AsSpan(5)];
        records.Insert(9, ("unknown-schema", unknownSchema));
        var delivered = await scenario.ProduceRawAsync(records, partition: 0);

        await DrainAsync(scenario);

        var dead = Assert.Single(scenario.ReadTopic(dlq, 1));
        var documents = scenario.Documents();
        var lost = orders.Count - documents.Count;
        new FaultReport("bad-input", "Avro value with an unknown schema id (schema mismatch)", records.Count, lost, 0, 0,
            $"1 record dead-lettered at VALUE_CONVERTER; registry requests {registry.Requests.Count}").Write(output);
        Assert.Equal(0, lost);
        for (var i = 0; i < orders.Count; i++)
        {
            var document = documents[$"k{i}"];
            Assert.Equal(i, document["id"]!.GetValue<int>());
            Assert.Equal($"c{i % 3}", document["customer"]!.GetValue<string>());
            Assert.Equal(i * 1.25, document["total"]!.GetValue<double>());
            Assert.Equal(i % 2 == 0 ? null : $"note {i}", (document["note"] as JsonValue)?.GetValue<string>());
        }

        Assert.Equal(unknownSchema, dead.Message.Value);
        AssertContextHeaders(dead, scenario.Topic, delivered[9].Offset.Value, "VALUE_CONVERTER", AvroConverter.ClassName);
        Assert.Equal("org.apache.kafka.connect.errors.DataException", Header(dead, "__connect.errors.exception.class.name"));
        Assert.Contains("for id 424242", Header(dead, "__connect.errors.exception.message"), StringComparison.Ordinal);

        // Only the first record of the known schema looked it up; the rest came from the converter's cache.
        Assert.Equal(1, registry.CountRequests("GET /schemas/ids/1"));
    }
}
