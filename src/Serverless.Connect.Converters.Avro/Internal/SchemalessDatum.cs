using System.Collections;
using Avro.Generic;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Schemaless Connect values ↔ Confluent's <c>io.confluent.connect.avro.Anything</c> records.</summary>
internal static class SchemalessDatum
{
    public static GenericRecord ToAvro(object? value)
    {
        var record = new GenericRecord(AnythingSchema.Record);
        foreach (var field in AnythingSchema.Record.Fields)
        {
            record.Add(field.Pos, null);
        }

        switch (value)
        {
            case null:
                break;
            case sbyte b:
                record.Add(AnythingSchema.IntField, (int)b);
                break;
            case short s:
                record.Add(AnythingSchema.IntField, (int)s);
                break;
            case int i:
                record.Add(AnythingSchema.IntField, i);
                break;
            case long l:
                record.Add(AnythingSchema.LongField, l);
                break;
            case float f:
                record.Add(AnythingSchema.FloatField, f);
                break;
            case double d:
                record.Add(AnythingSchema.DoubleField, d);
                break;
            case bool flag:
                record.Add(AnythingSchema.BooleanField, flag);
                break;
            case string text:
                record.Add(AnythingSchema.StringField, text);
                break;
            case IReadOnlyDictionary<object, object?> or IDictionary:
                var entries = new List<object>();
                foreach (var (key, entryValue) in ConnectDefaultJson.MapEntries(value))
                {
                    var entry = new GenericRecord(AnythingSchema.MapEntry);
                    entry.Add(ConnectAvroNames.KeyField, ToAvro(key));
                    entry.Add(ConnectAvroNames.ValueField, ToAvro(entryValue));
                    entries.Add(entry);
                }

                record.Add(AnythingSchema.MapField, entries.ToArray());
                break;
            case IEnumerable list and not byte[]:
                var items = new List<object>();
                foreach (var item in list)
                {
                    items.Add(ToAvro(item));
                }

                record.Add(AnythingSchema.ArrayField, items.ToArray());
                break;
            default:
                throw new DataException($"Unknown Java type for schemaless data: {value.GetType()}");
        }

        return record;
    }

    public static object? ToConnect(object? datum)
    {
        if (datum is not GenericRecord record)
        {
            throw new DataException("Invalid Avro data for schemaless Connect data");
        }

        if (Get(record, AnythingSchema.BooleanField) is bool flag)
        {
            return flag;
        }

        if (Get(record, AnythingSchema.BytesField) is byte[] bytes)
        {
            return bytes;
        }

        if (Get(record, AnythingSchema.DoubleField) is double d)
        {
            return d;
        }

        if (Get(record, AnythingSchema.FloatField) is float f)
        {
            return f;
        }

        if (Get(record, AnythingSchema.IntField) is int i)
        {
            return i;
        }

        if (Get(record, AnythingSchema.LongField) is long l)
        {
            return l;
        }

        if (Get(record, AnythingSchema.StringField) is string text)
        {
            return text;
        }

        if (Get(record, AnythingSchema.ArrayField) is IEnumerable items)
        {
            var result = new List<object?>();
            foreach (var item in items)
            {
                result.Add(ToConnect(item));
            }

            return result.ToArray();
        }

        if (Get(record, AnythingSchema.MapField) is IEnumerable entries)
        {
            var pairs = new List<KeyValuePair<object, object?>>();
            foreach (GenericRecord entry in entries)
            {
                var key = ToConnect(Get(entry, ConnectAvroNames.KeyField)) ?? throw new DataException("Schemaless map with a null key");
                pairs.Add(new KeyValuePair<object, object?>(key, ToConnect(Get(entry, ConnectAvroNames.ValueField))));
            }

            return ConnectMap.Create(pairs);
        }

        return null;
    }

    private static object? Get(GenericRecord record, string field) => record.TryGetValue(field, out var value) ? value : null;
}
