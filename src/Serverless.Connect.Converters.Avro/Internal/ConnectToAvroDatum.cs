using System.Collections;
using Avro.Generic;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Converts Connect values into Apache.Avro generic data (<see cref="GenericRecord"/>, arrays, dictionaries, …) for a
/// given Avro schema, as Confluent's <c>AvroData.fromConnectData</c> does. Fields are matched by name, so the target may
/// be another compatible schema (for example the latest registered version).
/// </summary>
internal sealed class ConnectToAvroDatum
{
    private readonly AvroDataConfig _config;

    public ConnectToAvroDatum(AvroDataConfig config)
    {
        _config = config;
    }

    /// <exception cref="DataException">The value does not match the schema.</exception>
    public object? Convert(Schema? schema, AvroNode node, object? value)
    {
        if (schema is null)
        {
            return value is null ? null : SchemalessDatum.ToAvro(value);
        }

        if (value is null)
        {
            return schema.IsOptional ? null : throw new DataException("Found null value for non-optional schema");
        }

        if (node.Type == AvroType.Union)
        {
            if (AvroSchemas.IsUnionStruct(schema))
            {
                return FromUnionStruct(schema, node, value);
            }

            node = AvroSchemas.SelectBranch(schema, node, _config);
        }

        var underlying = LogicalValues.ToUnderlying(schema, value);
        try
        {
            switch (schema.Type)
            {
                case SchemaType.Int8:
                    return (int)(sbyte)underlying;
                case SchemaType.Int16:
                    return (int)(short)underlying;
                case SchemaType.Int32:
                    return (int)underlying;
                case SchemaType.Int64:
                    return (long)underlying;
                case SchemaType.Float32:
                    return (float)underlying;
                case SchemaType.Float64:
                    return (double)underlying;
                case SchemaType.Boolean:
                    return (bool)underlying;
                case SchemaType.String:
                    var text = (string)underlying;
                    return node.Type == AvroType.Enum ? new GenericEnum((global::Avro.EnumSchema)node.Codec!, text) : text;
                case SchemaType.Bytes:
                    var bytes = (byte[])underlying;
                    return node.Type == AvroType.Fixed ? FixedValue(node, bytes) : bytes;
                case SchemaType.Array:
                    return FromArray(schema, node, (IEnumerable)underlying);
                case SchemaType.Map:
                    return FromMap(schema, node, underlying);
                default:
                    return FromStruct(schema, node, (Struct)underlying);
            }
        }
        catch (InvalidCastException)
        {
            throw new DataException($"Invalid type for {schema.Type.ToConnectName()}: {value.GetType()}");
        }
    }

    private object? FromUnionStruct(Schema schema, AvroNode union, object value)
    {
        var unionStruct = CheckStruct(schema, value);
        foreach (var field in schema.Fields)
        {
            var member = _config.IgnoreDefaultForNullables ? unionStruct.GetWithoutDefault(field) : unionStruct.Get(field);
            if (member is not null)
            {
                return Convert(field.Schema, AvroSchemas.SelectBranch(field.Schema, union, _config), member);
            }
        }

        return schema.IsOptional ? null : throw new DataException("Found null value for non-optional schema");
    }

    private static GenericFixed FixedValue(AvroNode node, byte[] bytes) =>
        bytes.Length == node.FixedSize
            ? new GenericFixed((global::Avro.FixedSchema)node.Codec!, bytes)
            : throw new DataException($"Fixed value of {bytes.Length} bytes does not match size {node.FixedSize} of {node.FullName}");

    private object?[] FromArray(Schema schema, AvroNode node, IEnumerable values)
    {
        if (node.Type != AvroType.Array)
        {
            throw new DataException($"Cannot write an array to Avro type {node}");
        }

        var result = values is ICollection collection ? new List<object?>(collection.Count) : [];
        foreach (var element in values)
        {
            result.Add(Convert(schema.ValueSchema!, node.Items!, element));
        }

        return [.. result];
    }

    private object FromMap(Schema schema, AvroNode node, object map)
    {
        if (node.Type == AvroType.Map)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, entryValue) in ConnectDefaultJson.MapEntries(map))
            {
                result[(string)key!] = Convert(schema.ValueSchema!, node.Values!, entryValue);
            }

            return result;
        }

        if (node.Type != AvroType.Array || !AvroSchemas.IsMapEntry(node.Items!))
        {
            throw new DataException($"Cannot write a map to Avro type {node}");
        }

        var entrySchema = node.Items!;
        var keyField = entrySchema.FieldByName(ConnectAvroNames.KeyField)!;
        var valueField = entrySchema.FieldByName(ConnectAvroNames.ValueField)!;
        var entries = new List<object?>();
        foreach (var (key, entryValue) in ConnectDefaultJson.MapEntries(map))
        {
            var entry = new GenericRecord((global::Avro.RecordSchema)entrySchema.Codec!);
            entry.Add(keyField.Position, Convert(schema.KeySchema!, keyField.Schema, key));
            entry.Add(valueField.Position, Convert(schema.ValueSchema!, valueField.Schema, entryValue));
            entries.Add(entry);
        }

        return entries.ToArray();
    }

    private GenericRecord FromStruct(Schema schema, AvroNode node, object value)
    {
        var source = CheckStruct(schema, value);
        if (node.Type != AvroType.Record)
        {
            throw new DataException($"Cannot write a struct to Avro type {node}");
        }

        var record = new GenericRecord((global::Avro.RecordSchema)node.Codec!);
        var written = 0;
        foreach (var field in schema.Fields)
        {
            var avroField = node.FieldByName(AvroNames.ScrubIf(field.Name, _config.ScrubInvalidNames)) ??
                throw new DataException($"Avro schema {node.FullName} has no field {field.Name}");
            var fieldValue = _config.IgnoreDefaultForNullables ? source.GetWithoutDefault(field) : source.Get(field);
            record.Add(avroField.Position, Convert(field.Schema, avroField.Schema, fieldValue));
            written++;
        }

        if (written < node.Fields.Count)
        {
            // A target schema (e.g. the latest registered version) may have fields the Connect schema lacks: use their defaults.
            foreach (var avroField in node.Fields)
            {
                if (schema.FieldByName(avroField.Name) is null)
                {
                    record.Add(avroField.Position, AvroDefaultDatum.From(avroField));
                }
            }
        }

        return record;
    }

    private static Struct CheckStruct(Schema schema, object value)
    {
        var result = (Struct)value;
        return result.Schema.Equals(schema) ? result : throw new DataException("Mismatching struct schema");
    }
}
