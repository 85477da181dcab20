using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.Elasticsearch.Tests;

/// <summary>Builders for test records.</summary>
internal static class Records
{
    public static readonly Schema ValueSchema = SchemaBuilder.Struct().Name("test.Value")
        .Field("id", Schema.Int32Schema)
        .Field("name", Schema.OptionalStringSchema)
        .Field("n", Schema.Int64Schema)
        .Build();

    public static ConnectRecord Keyed(string topic, int partition, long offset, string key, string name, long n, long? timestamp = 1_700_000_000_000) =>
        new ConnectRecord(topic, partition, Schema.StringSchema, key, ValueSchema,
            new StructBuilder(ValueSchema).Put("id", (int)(offset % 100_000)).Put("name", name).Put("n", n).Build(), timestamp)
        { KafkaOffset = offset };

    public static ConnectRecord Schemaless(string topic, int partition, long offset, object? key, IReadOnlyDictionary<object, object?>? value) =>
        new ConnectRecord(topic, partition, null, key, null, value, 1_700_000_000_000) { KafkaOffset = offset };

    public static ConnectRecord Tombstone(string topic, int partition, long offset, string key) =>
        new ConnectRecord(topic, partition, Schema.StringSchema, key, null, null, 1_700_000_000_000) { KafkaOffset = offset };

    public static Dictionary<object, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => (object)e.Key, e => e.Value);
}
