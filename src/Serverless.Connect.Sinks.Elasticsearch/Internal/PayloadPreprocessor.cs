using System.Collections;
using System.Runtime.CompilerServices;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>
/// Rewrites schema-ful values before JSON conversion as Confluent's <c>DataConverter.preProcess*</c> does: decimals become
/// doubles, and maps that are not compact string-keyed maps become arrays of <c>{key, value}</c> entries.
/// </summary>
internal sealed class PayloadPreprocessor
{
    private const string MapKeyField = "key";
    private const string MapValueField = "value";

    private readonly bool _compactMapEntries;
    private readonly ConditionalWeakTable<Schema, Schema> _schemas = [];

    public PayloadPreprocessor(bool compactMapEntries) => _compactMapEntries = compactMapEntries;

    /// <summary>The schema to convert with; the same instance when nothing needs rewriting (then values pass unchanged).</summary>
    public Schema? Schema(Schema? schema) =>
        schema is null ? null : _schemas.GetValue(schema, s => NeedsRewrite(s) ? PreProcessSchema(s) : s);

    /// <summary>Whether <see cref="Schema"/> changed the schema, so values need <see cref="Value"/>.</summary>
    public static bool Changed(Schema? original, Schema? processed) => !ReferenceEquals(original, processed);

    private bool NeedsRewrite(Schema schema) => schema.Name == DecimalSchema.LogicalName || schema.Type switch
    {
        SchemaType.Array => NeedsRewrite(schema.ValueSchema!),
        SchemaType.Map => !(_compactMapEntries && schema.KeySchema!.Type == SchemaType.String) || NeedsRewrite(schema.KeySchema!)
            || NeedsRewrite(schema.ValueSchema!),
        SchemaType.Struct => schema.Fields.Any(f => NeedsRewrite(f.Schema)),
        _ => false,
    };

    public object? Value(object? value, Schema? schema, Schema? newSchema)
    {
        if (schema is null || newSchema is null)
        {
            return value;
        }

        if (value is null)
        {
            return schema.DefaultValue ?? (schema.IsOptional
                ? null
                : throw new DataException($"null value for field that is required and has no default value: {schema}"));
        }

        if (schema.Name == DecimalSchema.LogicalName && value is ConnectDecimal d)
        {
            return d.ToDouble();
        }

        return schema.Type switch
        {
            SchemaType.Array => ArrayValue((IEnumerable)value, schema, newSchema),
            SchemaType.Map => MapValue(value, schema, newSchema),
            SchemaType.Struct => StructValue((Struct)value, newSchema),
            _ => value,
        };
    }

    private Schema PreProcessSchema(Schema schema)
    {
        switch (schema.Name)
        {
            case DecimalSchema.LogicalName:
                return CopyBasics(schema, SchemaBuilder.Float64()).Build();
            case DateSchema.LogicalName or TimeSchema.LogicalName or TimestampSchema.LogicalName:
                return schema;
        }

        switch (schema.Type)
        {
            case SchemaType.Array:
                return CopyBasics(schema, SchemaBuilder.Array(PreProcessSchema(schema.ValueSchema!))).Build();
            case SchemaType.Map:
                var key = PreProcessSchema(schema.KeySchema!);
                var value = PreProcessSchema(schema.ValueSchema!);
                if (_compactMapEntries && schema.KeySchema!.Type == SchemaType.String)
                {
                    return CopyBasics(schema, SchemaBuilder.Map(key, value)).Build();
                }

                var entry = SchemaBuilder.Struct().Name(NameOf(schema.KeySchema!) + "-" + NameOf(schema.ValueSchema!))
                    .Field(MapKeyField, key).Field(MapValueField, value).Build();
                return CopyBasics(schema, SchemaBuilder.Array(entry)).Build();
            case SchemaType.Struct:
                var builder = CopyBasics(schema, SchemaBuilder.Struct().Name(schema.Name));
                foreach (var field in schema.Fields)
                {
                    builder.Field(field.Name, PreProcessSchema(field.Schema));
                }

                return builder.Build();
            default:
                return schema;
        }
    }

    private SchemaBuilder CopyBasics(Schema source, SchemaBuilder target)
    {
        if (source.IsOptional)
        {
            target.Optional();
        }

        if (source.DefaultValue is not null && source.Type != SchemaType.Struct)
        {
            // The target is unfinished, so convert the default against a throwaway build of it.
            target.DefaultValue(Value(source.DefaultValue, source, target.Build()));
        }

        return target;
    }

    private static string NameOf(Schema schema) => schema.Name ?? schema.Type.ToConnectName();

    private object?[] ArrayValue(IEnumerable value, Schema schema, Schema newSchema)
    {
        var result = new List<object?>();
        foreach (var item in value)
        {
            result.Add(Value(item, schema.ValueSchema, newSchema.ValueSchema));
        }

        return [.. result];
    }

    private object MapValue(object value, Schema schema, Schema newSchema)
    {
        var entries = Entries(value);
        if (newSchema.Type == SchemaType.Map)
        {
            var map = new Dictionary<object, object?>(entries.Count);
            foreach (var (k, v) in entries)
            {
                map[Value(k, schema.KeySchema, newSchema.KeySchema)!] = Value(v, schema.ValueSchema, newSchema.ValueSchema);
            }

            return map;
        }

        var entrySchema = newSchema.ValueSchema!;
        var list = new object?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            list[i] = new StructBuilder(entrySchema)
                .Put(MapKeyField, Value(entries[i].Key, schema.KeySchema, entrySchema.FieldByName(MapKeyField)!.Schema))
                .Put(MapValueField, Value(entries[i].Value, schema.ValueSchema, entrySchema.FieldByName(MapValueField)!.Schema))
                .Build();
        }

        return list;
    }

    private static List<KeyValuePair<object, object?>> Entries(object value) => value switch
    {
        IReadOnlyDictionary<object, object?> ro => [.. ro],
        IDictionary d => d.Cast<DictionaryEntry>().Select(e => new KeyValuePair<object, object?>(e.Key, e.Value)).ToList(),
        _ => throw new DataException($"Expected a map but got {value.GetType()}"),
    };

    private Struct StructValue(Struct value, Schema newSchema)
    {
        var builder = new StructBuilder(newSchema);
        foreach (var field in value.Schema.Fields)
        {
            var target = newSchema.FieldByName(field.Name)!;
            builder.Put(target, Value(value.Get(field), field.Schema, target.Schema));
        }

        return builder.Build();
    }
}
