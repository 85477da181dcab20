using System.Collections;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Data.Internal;

/// <summary>
/// Schema/value conformance checks (Kafka's <c>ConnectSchema.validateValue</c>). The success path allocates nothing:
/// the field path is only assembled, innermost segment first, once a failure is found.
/// </summary>
internal static class ValueValidator
{
    public static void Validate(string? path, Schema schema, object? value)
    {
        var failure = Check(schema, value);
        if (failure is not null)
        {
            throw failure.ToException(path);
        }
    }

    /// <summary>Validates the fields of a struct (Kafka's <c>Struct.validate</c>).</summary>
    public static Failure? CheckStructFields(Schema schema, object?[] values)
    {
        var fields = schema.FieldArray;
        for (var i = 0; i < fields.Length; i++)
        {
            var fieldSchema = fields[i].Schema;
            var value = values[i];
            if (value is null && (fieldSchema.IsOptional || fieldSchema.DefaultValue is not null))
            {
                continue;
            }

            var failure = Check(fieldSchema, value);
            if (failure is not null)
            {
                return failure.Prepend("." + fields[i].Name);
            }
        }

        return null;
    }

    public static Failure? Check(Schema schema, object? value)
    {
        if (value is null)
        {
            return schema.IsOptional ? null : Failure.NullForRequired(schema);
        }

        if (!IsExpectedType(schema, value))
        {
            return Failure.WrongType(schema, value);
        }

        switch (schema.Type)
        {
            case SchemaType.Struct:
                var structValue = (Struct)value;
                if (!structValue.Schema.Equals(schema))
                {
                    return Failure.StructMismatch();
                }

                return structValue.CheckValid();
            case SchemaType.Array:
                return CheckArray(schema.ValueSchema!, value);
            case SchemaType.Map:
                return CheckMap(schema.KeySchema!, schema.ValueSchema!, value);
            default:
                return null;
        }
    }

    public static bool IsExpectedType(Schema schema, object value)
    {
        switch (schema.Logical)
        {
            case LogicalType.Decimal:
                return value is ConnectDecimal;
            case LogicalType.Date:
                return value is DateOnly;
            case LogicalType.Time:
                return value is TimeOnly;
            case LogicalType.Timestamp:
                return value is DateTimeOffset;
        }

        return schema.Type switch
        {
            SchemaType.Int8 => value is sbyte,
            SchemaType.Int16 => value is short,
            SchemaType.Int32 => value is int,
            SchemaType.Int64 => value is long,
            SchemaType.Float32 => value is float,
            SchemaType.Float64 => value is double,
            SchemaType.Boolean => value is bool,
            SchemaType.String => value is string,
            SchemaType.Bytes => value is byte[],
            SchemaType.Array => value is IReadOnlyList<object?> or IList,
            SchemaType.Map => value is IReadOnlyDictionary<object, object?> or IDictionary,
            SchemaType.Struct => value is Struct,
            _ => false,
        };
    }

    private static Failure? CheckArray(Schema elementSchema, object value)
    {
        if (value is IReadOnlyList<object?> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var failure = Check(elementSchema, list[i]);
                if (failure is not null)
                {
                    return failure.Prepend($"[{i}]");
                }
            }

            return null;
        }

        var index = 0;
        foreach (var element in (IList)value)
        {
            var failure = Check(elementSchema, element);
            if (failure is not null)
            {
                return failure.Prepend($"[{index}]");
            }

            index++;
        }

        return null;
    }

    private static Failure? CheckMap(Schema keySchema, Schema valueSchema, object value)
    {
        if (value is IReadOnlyDictionary<object, object?> map)
        {
            foreach (var (key, entryValue) in map)
            {
                var failure = CheckEntry(keySchema, valueSchema, key, entryValue);
                if (failure is not null)
                {
                    return failure;
                }
            }

            return null;
        }

        foreach (DictionaryEntry entry in (IDictionary)value)
        {
            var failure = CheckEntry(keySchema, valueSchema, entry.Key, entry.Value);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static Failure? CheckEntry(Schema keySchema, Schema valueSchema, object? key, object? value)
    {
        var failure = Check(keySchema, key);
        if (failure is not null)
        {
            return failure.Prepend($"{{key {key}}}");
        }

        failure = Check(valueSchema, value);
        return failure?.Prepend($"[{key}]");
    }

    /// <summary>A validation failure; the path is collected innermost-first while unwinding.</summary>
    internal sealed class Failure
    {
        private readonly string _kind;
        private readonly Schema? _schema;
        private readonly Type? _valueType;
        private readonly List<string> _segments = [];

        private Failure(string kind, Schema? schema, Type? valueType)
        {
            _kind = kind;
            _schema = schema;
            _valueType = valueType;
        }

        public static Failure NullForRequired(Schema schema) => new("null", schema, null);

        public static Failure WrongType(Schema schema, object value) => new("type", schema, value.GetType());

        public static Failure StructMismatch() => new("struct", null, null);

        public Failure Prepend(string segment)
        {
            _segments.Add(segment);
            return this;
        }

        public DataException ToException(string? root)
        {
            var path = root ?? string.Empty;
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                path += _segments[i];
            }

            path = path.TrimStart('.');
            var location = path.Length == 0 ? "value" : $"field: \"{path}\"";
            return _kind switch
            {
                "null" => new DataException(
                    $"Invalid value: null used for required {location}, schema type: {_schema!.Type.ToConnectName()}"),
                "type" => new DataException(
                    $"Invalid .NET object for schema{(_schema!.Name is null ? string.Empty : $" \"{_schema.Name}\"")} with type " +
                    $"{_schema.Type.ToConnectName()}: {_valueType} for {location}"),
                _ => new DataException($"Struct schemas do not match for {location}."),
            };
        }
    }
}
