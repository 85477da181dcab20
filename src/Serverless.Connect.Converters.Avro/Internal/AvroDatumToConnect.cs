using System.Collections;
using Avro.Generic;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Converts Apache.Avro generic data read with a writer schema into Connect values for the Connect schema derived from
/// that writer schema (Confluent's <c>AvroData.toConnectData</c>).
/// </summary>
internal sealed class AvroDatumToConnect
{
    private readonly AvroDataConfig _config;

    public AvroDatumToConnect(AvroDataConfig config)
    {
        _config = config;
    }

    /// <exception cref="DataException">The data does not match the schema.</exception>
    public object? Convert(Schema? schema, object? datum)
    {
        if (schema is null)
        {
            return SchemalessDatum.ToConnect(datum);
        }

        if (datum is null)
        {
            return schema.IsOptional ? null : throw new DataException("Found null value for non-optional schema");
        }

        try
        {
            object converted = schema.Type switch
            {
                SchemaType.Int8 => (sbyte)(int)datum,
                SchemaType.Int16 => (short)(int)datum,
                SchemaType.Int32 => (int)datum,
                SchemaType.Int64 => (long)datum,
                SchemaType.Float32 => (float)datum,
                SchemaType.Float64 => (double)datum,
                SchemaType.Boolean => (bool)datum,
                SchemaType.String => datum switch
                {
                    string text => text,
                    GenericEnum symbol => symbol.Value,
                    _ => throw new DataException($"Invalid class for string type, expecting String or CharSequence but found {datum.GetType()}"),
                },
                SchemaType.Bytes => datum switch
                {
                    byte[] bytes => bytes,
                    GenericFixed fixedValue => fixedValue.Value,
                    _ => throw new DataException($"Invalid class for bytes type, expecting byte[] but found {datum.GetType()}"),
                },
                SchemaType.Array => ToArray(schema, (IEnumerable)datum),
                SchemaType.Map => ToMap(schema, datum),
                _ => AvroSchemas.IsUnionStruct(schema) ? ToUnionStruct(schema, datum) : ToStruct(schema, (GenericRecord)datum),
            };
            return LogicalValues.ToLogical(schema, converted);
        }
        catch (InvalidCastException)
        {
            throw new DataException($"Invalid type for {schema.Type.ToConnectName()}: {datum.GetType()}");
        }
    }

    private object?[] ToArray(Schema schema, IEnumerable datum)
    {
        var result = datum is ICollection collection ? new List<object?>(collection.Count) : [];
        foreach (var element in datum)
        {
            result.Add(Convert(schema.ValueSchema!, element));
        }

        return [.. result];
    }

    private ConnectMap ToMap(Schema schema, object datum)
    {
        var entries = new List<KeyValuePair<object, object?>>();
        if (schema.KeySchema!.Type == SchemaType.String && !schema.KeySchema.IsOptional && datum is IDictionary<string, object?> avroMap)
        {
            foreach (var (key, value) in avroMap)
            {
                entries.Add(new KeyValuePair<object, object?>(key, Convert(schema.ValueSchema!, value)));
            }

            return ConnectMap.Create(entries);
        }

        foreach (var item in (IEnumerable)datum)
        {
            var entry = (GenericRecord)item;
            entry.TryGetValue(ConnectAvroNames.KeyField, out var key);
            entry.TryGetValue(ConnectAvroNames.ValueField, out var value);
            var connectKey = Convert(schema.KeySchema, key) ?? throw new DataException("Connect maps cannot hold a null key");
            entries.Add(new KeyValuePair<object, object?>(connectKey, Convert(schema.ValueSchema!, value)));
        }

        return ConnectMap.Create(entries);
    }

    private Struct ToStruct(Schema schema, GenericRecord record)
    {
        var builder = new StructBuilder(schema);
        foreach (var field in schema.Fields)
        {
            var avroName = AvroNames.ScrubIf(field.Name, _config.ScrubInvalidNames);
            if (!record.TryGetValue(avroName, out var value))
            {
                throw new DataException($"Avro record {record.Schema.Fullname} has no field {avroName}");
            }

            builder.Put(field, Convert(field.Schema, value));
        }

        return builder.Build();
    }

    private Struct ToUnionStruct(Schema schema, object datum)
    {
        foreach (var field in schema.Fields)
        {
            if (IsMember(field.Schema, datum))
            {
                return new StructBuilder(schema).Put(field, Convert(field.Schema, datum)).Build();
            }
        }

        throw new DataException("Did not find matching union field for data");
    }

    // Which union member a value belongs to follows from its Apache.Avro type, and for named types from the name.
    private bool IsMember(Schema member, object datum) => datum switch
    {
        GenericRecord record => member.Type == SchemaType.Struct && NamedMatch(member, record.Schema.Fullname),
        GenericEnum symbol => AvroSchemas.IsEnum(member) &&
            string.Equals(member.Parameters![ConnectAvroNames.EnumTypeParameter], symbol.Schema.Fullname, StringComparison.Ordinal),
        GenericFixed fixedValue => AvroSchemas.IsFixed(member) && NamedMatch(member, fixedValue.Schema.Fullname),
        string => member.Type == SchemaType.String && !AvroSchemas.IsEnum(member),
        byte[] => member.Type == SchemaType.Bytes && !AvroSchemas.IsFixed(member),
        int => member.Type is SchemaType.Int32 or SchemaType.Int8 or SchemaType.Int16,
        long => member.Type == SchemaType.Int64,
        float => member.Type == SchemaType.Float32,
        double => member.Type == SchemaType.Float64,
        bool => member.Type == SchemaType.Boolean,
        IDictionary => member.Type == SchemaType.Map,
        IEnumerable => member.Type is SchemaType.Array or SchemaType.Map,
        _ => false,
    };

    private static bool NamedMatch(Schema member, string fullName) =>
        member.Name is null
            ? fullName.StartsWith(ConnectAvroNames.DefaultSchemaFullName, StringComparison.Ordinal)
            : string.Equals(member.Name, fullName, StringComparison.Ordinal);
}
