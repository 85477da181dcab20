using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Tests.Kafka;

/// <summary>Builds the same logical record schemaless (a map) or with a struct schema, as Kafka's HeaderFromTest does.</summary>
internal sealed class HeaderFromRecordBuilder
{
    private readonly List<(string Name, Schema Schema, object? Value)> _fields = [];
    private readonly List<(string Name, Schema Schema, object? Value)> _headers = [];

    public HeaderFromRecordBuilder WithField(string name, Schema schema, object? value)
    {
        _fields.Add((name, schema, value));
        return this;
    }

    public HeaderFromRecordBuilder AddHeader(string name, Schema schema, object? value)
    {
        _headers.Add((name, schema, value));
        return this;
    }

    public ConnectRecord Schemaless(bool key)
    {
        var map = ConnectMap.Create(_fields.Select(f => new KeyValuePair<object, object?>(f.Name, f.Value)));
        // Schemaless headers carry no schema.
        var headers = ConnectHeaders.Create(_headers.Select(h => new ConnectHeader(h.Name, null, h.Value)));
        return Record(key, null, map, headers);
    }

    public ConnectRecord WithSchema(bool key)
    {
        var builder = SchemaBuilder.Struct();
        foreach (var (name, schema, _) in _fields)
        {
            builder.Field(name, schema);
        }

        var structSchema = builder.Build();
        var value = new StructBuilder(structSchema);
        foreach (var (name, _, fieldValue) in _fields)
        {
            value.Put(name, fieldValue);
        }

        var headers = ConnectHeaders.Create(_headers.Select(h => new ConnectHeader(h.Name, h.Schema, h.Value)));
        return Record(key, structSchema, value.Build(), headers);
    }

    private static ConnectRecord Record(bool key, Schema? schema, object value, ConnectHeaders headers) =>
        new("topic", 0, key ? schema : null, key ? value : "key", key ? null : schema, key ? "value" : value, 0, headers);
}
