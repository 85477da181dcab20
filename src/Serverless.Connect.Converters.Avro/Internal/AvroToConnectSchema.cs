using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Converts an Avro schema to a Connect schema with the semantics of Confluent's <c>AvroData.toConnectSchema</c>:
/// <c>connect.*</c> properties restore names, versions, docs, parameters and defaults; <c>[null, T]</c> unions become
/// optional schemas; other unions become <c>io.confluent.connect.avro.Union</c> structs; enums become strings with
/// <c>io.confluent.connect.avro.Enum</c> parameters; logical types map back to Decimal/Date/Time/Timestamp.
/// </summary>
internal sealed class AvroToConnectSchema
{
    private readonly AvroDataConfig _config;
    private readonly HashSet<AvroNode> _inProgress = new(ReferenceEqualityComparer.Instance);

    private AvroToConnectSchema(AvroDataConfig config)
    {
        _config = config;
    }

    /// <summary>Converts a top-level schema; <paramref name="version"/> (the registry version) applies when it has no <c>connect.version</c>.</summary>
    /// <returns>The Connect schema, or <see langword="null"/> for Confluent's schemaless <c>Anything</c> record.</returns>
    /// <exception cref="DataException">The schema cannot be represented in Connect.</exception>
    public static Schema? Convert(AvroNode node, int? version, AvroDataConfig config) =>
        AvroSchemas.IsAnything(node) ? null : new AvroToConnectSchema(config).ToConnect(node, false, FieldDefault.None, null, version);

    private Schema ToConnect(AvroNode node, bool forceOptional, FieldDefault fieldDefault, string? docDefault, int? version)
    {
        var connectType = node.Properties.GetString(ConnectAvroNames.ConnectTypeProp);
        var logicalType = node.LogicalType;
        SchemaBuilder builder;
        switch (node.Type)
        {
            case AvroType.Boolean:
                builder = SchemaBuilder.Bool();
                break;
            case AvroType.Bytes:
            case AvroType.Fixed:
                builder = BytesBuilder(node, logicalType);
                break;
            case AvroType.Double:
                builder = SchemaBuilder.Float64();
                break;
            case AvroType.Float:
                builder = SchemaBuilder.Float32();
                break;
            case AvroType.Int:
                builder = IntBuilder(connectType, logicalType);
                break;
            case AvroType.Long:
                builder = string.Equals(logicalType, ConnectAvroNames.LogicalTimestampMillis, StringComparison.OrdinalIgnoreCase)
                    ? TimestampSchema.Builder()
                    : SchemaBuilder.Int64();
                break;
            case AvroType.String:
                builder = SchemaBuilder.String();
                break;
            case AvroType.Array:
                builder = ArrayBuilder(node);
                break;
            case AvroType.Map:
                builder = SchemaBuilder.Map(Schema.StringSchema, ToConnect(node.Values!, false, FieldDefault.None, null, null));
                break;
            case AvroType.Record:
                builder = RecordBuilder(node);
                break;
            case AvroType.Enum:
                builder = EnumBuilder(node);
                break;
            case AvroType.Union:
                if (node.Branches.Count == 1 && _config.FlattenSingletonUnion)
                {
                    return ToConnect(node.Branches[0], false, FieldDefault.None, docDefault, null);
                }

                if (node.Branches.Count == 2 && IndexOfPlainNull(node) is var nullIndex and >= 0)
                {
                    return ToConnect(node.Branches[1 - nullIndex], true, FieldDefault.None, docDefault, null);
                }

                builder = UnionBuilder(node);
                break;
            default:
                throw new DataException("Standalone null schemas are not supported by this converter");
        }

        return Finish(node, builder, forceOptional, fieldDefault, version);
    }

    private Schema Finish(AvroNode node, SchemaBuilder builder, bool forceOptional, FieldDefault fieldDefault, int? version)
    {
        var properties = node.Properties;
        var doc = properties.GetString(ConnectAvroNames.ConnectDocProp);
        if (_config.ConnectMetaData && doc is not null)
        {
            builder.Doc(doc);
        }

        var versionValue = -1;
        if (properties.TryGet(ConnectAvroNames.ConnectVersionProp, out var versionNode) && versionNode is not null)
        {
            versionValue = JsonNumbers.TryGetInt64(versionNode, out var parsed)
                ? (int)parsed
                : throw new DataException($"Invalid Connect version found: {JacksonJson.ToText(versionNode)}");
        }
        else if (version is { } registryVersion)
        {
            versionValue = registryVersion;
        }

        if (versionValue >= 0)
        {
            Apply(() => builder.Version(versionValue), "Mismatched versions: version already added to SchemaBuilder differs from version in source schema (" + versionValue + ")");
        }

        if (_config.ConnectMetaData && properties.Get(ConnectAvroNames.ConnectParametersProp) is { } parametersNode)
        {
            if (parametersNode is not JsonObject parameters)
            {
                throw new DataException($"Expected JSON object for schema parameters but found: {JacksonJson.ToText(parametersNode)}");
            }

            foreach (var (key, value) in parameters)
            {
                builder.Parameter(key, JsonNumbers.IsString(value)
                    ? JsonNumbers.GetString(value)
                    : throw new DataException($"Expected schema parameter values to be strings but found: {JacksonJson.ToText(value)}"));
            }
        }

        foreach (var (key, value) in properties.Entries)
        {
            if (key.StartsWith(ConnectAvroNames.AvroPropPrefix, StringComparison.Ordinal))
            {
                builder.Parameter(key, JsonNumbers.IsString(value) ? JsonNumbers.GetString(value) : JacksonJson.ToText(value));
            }
        }

        var hasConnectDefault = properties.TryGet(ConnectAvroNames.ConnectDefaultProp, out var connectDefault);
        if (!fieldDefault.Present)
        {
            fieldDefault = hasConnectDefault ? new FieldDefault(true, connectDefault) : FieldDefault.None;
        }
        else if (_config.ConnectMetaData && !hasConnectDefault)
        {
            builder.Parameter(ConnectAvroNames.FieldDefaultFlagParameter, "true");
        }

        var name = properties.GetString(ConnectAvroNames.ConnectNameProp);
        if (name is null && properties.Get(ConnectAvroNames.ConnectNameProp) is { } invalidName)
        {
            throw new DataException($"Invalid schema name: {JacksonJson.ToText(invalidName)}");
        }

        name ??= node.IsNamed ? node.FullName : null;
        if (name is not null && !name.StartsWith(ConnectAvroNames.DefaultSchemaFullName, StringComparison.Ordinal))
        {
            Apply(() => builder.Name(name), $"Mismatched names: name already added to SchemaBuilder differs from name in source schema ({name})");
        }

        if (forceOptional)
        {
            builder.Optional();
        }

        if (fieldDefault.Present && fieldDefault.Value is not null)
        {
            try
            {
                builder.DefaultValue(AvroDefaultToConnect.Convert(builder.Build(), node, fieldDefault.Value, _config));
            }
            catch (Exception e) when (e is DataException or SchemaBuilderException or InvalidOperationException or FormatException)
            {
                // Confluent logs and ignores defaults it cannot convert.
            }
        }

        return builder.Build();
    }

    private static SchemaBuilder BytesBuilder(AvroNode node, string? logicalType)
    {
        SchemaBuilder builder;
        if (string.Equals(logicalType, ConnectAvroNames.LogicalDecimal, StringComparison.OrdinalIgnoreCase))
        {
            var scaleNode = node.Properties.Get(ConnectAvroNames.DecimalScaleProp);
            var scale = JsonNumbers.IsNumber(scaleNode) ? (int)JsonNumbers.GetDouble(scaleNode) : 0;
            builder = DecimalSchema.Builder(scale);
            if (node.Properties.TryGet(ConnectAvroNames.DecimalPrecisionProp, out var precisionNode) && precisionNode is not null)
            {
                if (!JsonNumbers.IsNumber(precisionNode))
                {
                    throw new DataException("precision property must be a JSON Integer. https://avro.apache.org/docs/1.9.1/spec.html#Decimal");
                }

                var precision = (int)JsonNumbers.GetDouble(precisionNode);
                if (precision != ConnectAvroNames.DefaultDecimalPrecision)
                {
                    builder.Parameter(ConnectAvroNames.ConnectDecimalPrecisionParameter, precision.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        else
        {
            builder = SchemaBuilder.Bytes();
        }

        if (node.Type == AvroType.Fixed)
        {
            builder.Parameter(ConnectAvroNames.ConnectFixedSizeParameter, node.FixedSize.ToString(CultureInfo.InvariantCulture));
        }

        return builder;
    }

    private static SchemaBuilder IntBuilder(string? connectType, string? logicalType)
    {
        if (connectType is null && logicalType is null)
        {
            return SchemaBuilder.Int32();
        }

        if (logicalType is not null)
        {
            if (string.Equals(logicalType, ConnectAvroNames.LogicalDate, StringComparison.OrdinalIgnoreCase))
            {
                return DateSchema.Builder();
            }

            return string.Equals(logicalType, ConnectAvroNames.LogicalTimeMillis, StringComparison.OrdinalIgnoreCase)
                ? TimeSchema.Builder()
                : SchemaBuilder.Int32();
        }

        return connectType switch
        {
            ConnectAvroNames.ConnectTypeInt8 => SchemaBuilder.Int8(),
            ConnectAvroNames.ConnectTypeInt16 => SchemaBuilder.Int16(),
            _ => throw new DataException("Connect type annotation for Avro int field is null"),
        };
    }

    private SchemaBuilder ArrayBuilder(AvroNode node)
    {
        var items = node.Items!;
        if (!AvroSchemas.IsMapEntry(items))
        {
            return SchemaBuilder.Array(ToConnect(items, false, FieldDefault.None, null, null));
        }

        var key = items.FieldByName(ConnectAvroNames.KeyField);
        var value = items.FieldByName(ConnectAvroNames.ValueField);
        if (items.Fields.Count != 2 || key is null || value is null)
        {
            throw new DataException("Found map encoded as array of key-value pairs, but array elements do not match the expected format.");
        }

        return SchemaBuilder.Map(ToConnect(key.Schema, false, FieldDefault.None, null, null), ToConnect(value.Schema, false, FieldDefault.None, null, null));
    }

    private SchemaBuilder RecordBuilder(AvroNode node)
    {
        if (!_inProgress.Add(node))
        {
            throw new DataException($"Recursive Avro schemas cannot be represented as Connect schemas: {node.FullName}");
        }

        var builder = SchemaBuilder.Struct();
        if (_config.ConnectMetaData && node.Doc is not null)
        {
            builder.Parameter(ConnectAvroNames.RecordDocParameter, node.Doc);
        }

        foreach (var field in node.Fields)
        {
            if (_config.ConnectMetaData && field.Doc is not null)
            {
                builder.Parameter(ConnectAvroNames.FieldDocPrefixParameter + field.Name, field.Doc);
            }

            var fieldDefault = field.HasDefault ? new FieldDefault(true, field.DefaultValue) : FieldDefault.None;
            builder.Field(field.Name, ToConnect(field.Schema, false, fieldDefault, field.Doc, null));
        }

        _inProgress.Remove(node);
        return builder;
    }

    private SchemaBuilder EnumBuilder(AvroNode node)
    {
        var builder = SchemaBuilder.String();
        if (_config.ConnectMetaData)
        {
            if (node.Doc is not null)
            {
                builder.Parameter(ConnectAvroNames.EnumDocPrefixParameter + node.Name, node.Doc);
            }

            if (node.EnumDefault is not null)
            {
                builder.Parameter(ConnectAvroNames.EnumDefaultPrefixParameter + node.Name, node.EnumDefault);
            }
        }

        builder.Parameter(ConnectAvroNames.EnumTypeParameter, node.FullName!);
        foreach (var symbol in node.Symbols)
        {
            builder.Parameter(ConnectAvroNames.EnumTypeParameter + "." + symbol, symbol);
        }

        return builder;
    }

    private SchemaBuilder UnionBuilder(AvroNode node)
    {
        var builder = SchemaBuilder.Struct().Name(ConnectAvroNames.UnionTypeName);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Branches)
        {
            if (member.Type == AvroType.Null)
            {
                builder.Optional();
                continue;
            }

            var fieldName = AvroSchemas.UnionMemberFieldName(member, _config);
            if (!names.Add(fieldName))
            {
                throw new DataException("Multiple union schemas map to the Connect union field name");
            }

            builder.Field(fieldName, ToConnect(member, true, FieldDefault.None, null, null));
        }

        return builder;
    }

    private static int IndexOfPlainNull(AvroNode union)
    {
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (union.Branches[i].Type == AvroType.Null && union.Branches[i].Properties.Count == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Apply(Action set, string mismatch)
    {
        try
        {
            set();
        }
        catch (SchemaBuilderException e)
        {
            throw new DataException(mismatch, e);
        }
    }

    /// <summary>A field's Avro default: absent, or present (a <see langword="null"/> value is JSON <c>null</c>).</summary>
    private readonly record struct FieldDefault(bool Present, JsonNode? Value)
    {
        public static FieldDefault None => default;
    }
}
