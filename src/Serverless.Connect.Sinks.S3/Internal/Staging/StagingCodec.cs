using System.Collections;
using System.Numerics;
using System.Text;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal.Staging;

/// <summary>
/// The binary form of a staged chunk: Connect schemas (every attribute, so a decoded schema equals the original) and
/// self-describing values, so that records restored after a crash are the records that were appended.
/// </summary>
internal static class StagingCodec
{
    private const int Magic = 0x31534353; // "SCS1"

    private enum Tag : byte
    {
        Null,
        False,
        True,
        Int8,
        Int16,
        Int32,
        Int64,
        Float32,
        Float64,
        String,
        Bytes,
        Decimal,
        Date,
        Time,
        Timestamp,
        List,
        Map,
        Struct,
    }

    public static byte[] Encode(IReadOnlyList<StagedRecord> records)
    {
        var schemas = new List<Schema>();
        var index = new Dictionary<Schema, int>(ReferenceEqualityComparer.Instance);
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(records.Count);
            foreach (var staged in records)
            {
                var r = staged.Record;
                writer.Write(r.KafkaOffset);
                writer.Write(r.Timestamp.HasValue);
                writer.Write(r.Timestamp ?? 0);
                writer.Write(staged.EncodedPartition);
                writer.Write(r.ValueSchema is null ? -1 : SchemaIndex(r.ValueSchema, schemas, index));
                WriteValue(writer, r.Value, schemas, index);
            }
        }

        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(schemas.Count);
            foreach (var schema in schemas)
            {
                WriteSchema(writer, schema);
            }

            writer.Write(body.GetBuffer(), 0, (int)body.Length);
        }

        return output.ToArray();
    }

    public static List<StagedRecord> Decode(byte[] data, string topic, int partition)
    {
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        if (reader.ReadInt32() != Magic)
        {
            throw new ConnectException($"Staged chunk of {topic}-{partition} is not in the expected format.");
        }

        var schemas = new Schema[reader.ReadInt32()];
        for (var i = 0; i < schemas.Length; i++)
        {
            schemas[i] = ReadSchema(reader);
        }

        var count = reader.ReadInt32();
        var records = new List<StagedRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var offset = reader.ReadInt64();
            var hasTimestamp = reader.ReadBoolean();
            var timestamp = reader.ReadInt64();
            var encoded = reader.ReadString();
            var schemaIndex = reader.ReadInt32();
            var value = ReadValue(reader, schemas);
            var record = new ConnectRecord(topic, partition, null, null, schemaIndex < 0 ? null : schemas[schemaIndex], value,
                hasTimestamp ? timestamp : null) { KafkaOffset = offset };
            records.Add(new StagedRecord(record, encoded));
        }

        return records;
    }

    private static int SchemaIndex(Schema schema, List<Schema> schemas, Dictionary<Schema, int> index)
    {
        if (!index.TryGetValue(schema, out var i))
        {
            i = schemas.Count;
            schemas.Add(schema);
            index[schema] = i;
        }

        return i;
    }

    private static void WriteSchema(BinaryWriter writer, Schema schema)
    {
        writer.Write((byte)schema.Type);
        writer.Write(schema.IsOptional);
        WriteOptionalString(writer, schema.Name);
        writer.Write(schema.Version.HasValue);
        writer.Write(schema.Version ?? 0);
        WriteOptionalString(writer, schema.Doc);
        writer.Write(schema.Parameters?.Count ?? -1);
        foreach (var (key, value) in schema.Parameters ?? new Dictionary<string, string>())
        {
            writer.Write(key);
            writer.Write(value);
        }

        switch (schema.Type)
        {
            case SchemaType.Struct:
                writer.Write(schema.Fields.Count);
                foreach (var field in schema.Fields)
                {
                    writer.Write(field.Name);
                    WriteSchema(writer, field.Schema);
                }

                break;
            case SchemaType.Array:
                WriteSchema(writer, schema.ValueSchema!);
                break;
            case SchemaType.Map:
                WriteSchema(writer, schema.KeySchema!);
                WriteSchema(writer, schema.ValueSchema!);
                break;
        }

        // Defaults last: a struct default needs the complete schema, which nested values reference by structure.
        WriteValue(writer, schema.DefaultValue, null, null);
    }

    private static Schema ReadSchema(BinaryReader reader)
    {
        var type = (SchemaType)reader.ReadByte();
        var optional = reader.ReadBoolean();
        var name = ReadOptionalString(reader);
        var hasVersion = reader.ReadBoolean();
        var version = reader.ReadInt32();
        var doc = ReadOptionalString(reader);
        var parameterCount = reader.ReadInt32();
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < parameterCount; i++)
        {
            parameters.Add(new(reader.ReadString(), reader.ReadString()));
        }

        var builder = type switch
        {
            SchemaType.Array => SchemaBuilder.Array(ReadSchema(reader)),
            SchemaType.Map => SchemaBuilder.Map(ReadSchema(reader), ReadSchema(reader)),
            _ => SchemaBuilder.OfType(type),
        };
        if (type == SchemaType.Struct)
        {
            var fieldCount = reader.ReadInt32();
            for (var i = 0; i < fieldCount; i++)
            {
                builder.Field(reader.ReadString(), ReadSchema(reader));
            }
        }

        if (optional)
        {
            builder.Optional();
        }

        builder.Name(name).Doc(doc);
        if (hasVersion)
        {
            builder.Version(version);
        }

        if (parameterCount >= 0)
        {
            builder.Parameters(parameters);
        }

        var defaultValue = ReadValue(reader, null);
        if (defaultValue is not null)
        {
            builder.DefaultValue(defaultValue);
        }

        return builder.Build();
    }

    private static void WriteValue(BinaryWriter writer, object? value, List<Schema>? schemas, Dictionary<Schema, int>? index)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.Null);
                break;
            case bool b:
                writer.Write((byte)(b ? Tag.True : Tag.False));
                break;
            case sbyte v:
                writer.Write((byte)Tag.Int8);
                writer.Write(v);
                break;
            case short v:
                writer.Write((byte)Tag.Int16);
                writer.Write(v);
                break;
            case int v:
                writer.Write((byte)Tag.Int32);
                writer.Write(v);
                break;
            case long v:
                writer.Write((byte)Tag.Int64);
                writer.Write(v);
                break;
            case float v:
                writer.Write((byte)Tag.Float32);
                writer.Write(v);
                break;
            case double v:
                writer.Write((byte)Tag.Float64);
                writer.Write(v);
                break;
            case string v:
                writer.Write((byte)Tag.String);
                writer.Write(v);
                break;
            case byte[] v:
                writer.Write((byte)Tag.Bytes);
                writer.Write(v.Length);
                writer.Write(v);
                break;
            case ConnectDecimal v:
                writer.Write((byte)Tag.Decimal);
                var unscaled = v.Unscaled.ToByteArray();
                writer.Write(unscaled.Length);
                writer.Write(unscaled);
                writer.Write(v.Scale);
                break;
            case DateOnly v:
                writer.Write((byte)Tag.Date);
                writer.Write(v.DayNumber);
                break;
            case TimeOnly v:
                writer.Write((byte)Tag.Time);
                writer.Write(v.Ticks);
                break;
            case DateTimeOffset v:
                writer.Write((byte)Tag.Timestamp);
                writer.Write(v.UtcTicks);
                writer.Write((short)v.Offset.TotalMinutes);
                break;
            case Struct s:
                writer.Write((byte)Tag.Struct);
                if (schemas is null)
                {
                    WriteSchema(writer, s.Schema);
                }
                else
                {
                    writer.Write(SchemaIndex(s.Schema, schemas, index!));
                }

                foreach (var field in s.Schema.Fields)
                {
                    WriteValue(writer, s.GetWithoutDefault(field), schemas, index);
                }

                break;
            case IReadOnlyDictionary<object, object?> map:
                writer.Write((byte)Tag.Map);
                writer.Write(map.Count);
                foreach (var (k, v) in map)
                {
                    WriteValue(writer, k, schemas, index);
                    WriteValue(writer, v, schemas, index);
                }

                break;
            case IDictionary map:
                writer.Write((byte)Tag.Map);
                writer.Write(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    WriteValue(writer, entry.Key, schemas, index);
                    WriteValue(writer, entry.Value, schemas, index);
                }

                break;
            case IEnumerable list:
                var items = list.Cast<object?>().ToList();
                writer.Write((byte)Tag.List);
                writer.Write(items.Count);
                foreach (var item in items)
                {
                    WriteValue(writer, item, schemas, index);
                }

                break;
            default:
                throw new DataException($"Cannot stage a value of type {value.GetType()}.");
        }
    }

    private static object? ReadValue(BinaryReader reader, Schema[]? schemas)
    {
        var tag = (Tag)reader.ReadByte();
        switch (tag)
        {
            case Tag.Null:
                return null;
            case Tag.False:
                return false;
            case Tag.True:
                return true;
            case Tag.Int8:
                return reader.ReadSByte();
            case Tag.Int16:
                return reader.ReadInt16();
            case Tag.Int32:
                return reader.ReadInt32();
            case Tag.Int64:
                return reader.ReadInt64();
            case Tag.Float32:
                return reader.ReadSingle();
            case Tag.Float64:
                return reader.ReadDouble();
            case Tag.String:
                return reader.ReadString();
            case Tag.Bytes:
                return reader.ReadBytes(reader.ReadInt32());
            case Tag.Decimal:
                var unscaled = new BigInteger(reader.ReadBytes(reader.ReadInt32()));
                return new ConnectDecimal(unscaled, reader.ReadInt32());
            case Tag.Date:
                return DateOnly.FromDayNumber(reader.ReadInt32());
            case Tag.Time:
                return new TimeOnly(reader.ReadInt64());
            case Tag.Timestamp:
                var ticks = reader.ReadInt64();
                var offset = TimeSpan.FromMinutes(reader.ReadInt16());
                return new DateTimeOffset(ticks + offset.Ticks, offset);
            case Tag.Struct:
                var schema = schemas is null ? ReadSchema(reader) : schemas[reader.ReadInt32()];
                var builder = new StructBuilder(schema);
                foreach (var field in schema.Fields)
                {
                    var fieldValue = ReadValue(reader, schemas);
                    if (fieldValue is not null)
                    {
                        builder.Put(field, fieldValue);
                    }
                }

                return builder.Build();
            case Tag.Map:
                var count = reader.ReadInt32();
                var entries = new List<KeyValuePair<object, object?>>(count);
                for (var i = 0; i < count; i++)
                {
                    entries.Add(new(ReadValue(reader, schemas)!, ReadValue(reader, schemas)));
                }

                return ConnectMap.Create(entries);
            case Tag.List:
                var items = new object?[reader.ReadInt32()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ReadValue(reader, schemas);
                }

                return items;
            default:
                throw new ConnectException($"Staged chunk holds an unknown value tag {tag}.");
        }
    }

    private static void WriteOptionalString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        writer.Write(value ?? "");
    }

    private static string? ReadOptionalString(BinaryReader reader)
    {
        var present = reader.ReadBoolean();
        var value = reader.ReadString();
        return present ? value : null;
    }
}
