using System.Globalization;
using System.Text.Json.Nodes;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>
/// Converts a Connect schema to an Avro schema with the semantics of Confluent's <c>AvroData.fromConnectSchema</c>:
/// unnamed structs become <c>io.confluent.connect.avro.ConnectDefault</c>, <c>ConnectDefault2</c>, …; optional schemas
/// become unions with <c>null</c> (first, or second when there is a default); Connect metadata goes into
/// <c>connect.*</c> properties; INT8/INT16 are Avro ints tagged with <c>connect.type</c>; maps with non-string keys are
/// arrays of <c>MapEntry</c> records; Decimal/Date/Time/Timestamp get Avro logical types.
/// </summary>
internal sealed class ConnectToAvroSchema
{
    private readonly AvroDataConfig _config;
    private readonly Dictionary<RequiredSchemaKey, AvroNode> _converted = [];
    private int _defaultNameIndex;

    private ConnectToAvroSchema(AvroDataConfig config)
    {
        _config = config;
    }

    /// <exception cref="DataException">The schema cannot be represented in Avro (for example an invalid name).</exception>
    public static AvroNode Convert(Schema? schema, AvroDataConfig config) =>
        schema is null ? AnythingSchema.Node : new ConnectToAvroSchema(config).FromConnect(schema, forceRequired: false, ignoreOptional: false);

    private AvroNode FromConnect(Schema schema, bool forceRequired, bool ignoreOptional)
    {
        var optional = schema.IsOptional && !forceRequired;
        var isUnion = AvroSchemas.IsUnionStruct(schema);
        if (!isUnion && !optional && _converted.TryGetValue(new RequiredSchemaKey(schema), out var cached))
        {
            return cached;
        }

        string? connectType = null;
        AvroNode baseNode;
        switch (schema.Type)
        {
            case SchemaType.Int8:
                connectType = ConnectAvroNames.ConnectTypeInt8;
                baseNode = new AvroNode(AvroType.Int);
                break;
            case SchemaType.Int16:
                connectType = ConnectAvroNames.ConnectTypeInt16;
                baseNode = new AvroNode(AvroType.Int);
                break;
            case SchemaType.Int32:
                baseNode = new AvroNode(AvroType.Int);
                break;
            case SchemaType.Int64:
                baseNode = new AvroNode(AvroType.Long);
                break;
            case SchemaType.Float32:
                baseNode = new AvroNode(AvroType.Float);
                break;
            case SchemaType.Float64:
                baseNode = new AvroNode(AvroType.Double);
                break;
            case SchemaType.Boolean:
                baseNode = new AvroNode(AvroType.Boolean);
                break;
            case SchemaType.String:
                baseNode = _config.EnhancedAvroSchemaSupport && AvroSchemas.IsEnum(schema) ? EnumNode(schema) : new AvroNode(AvroType.String);
                break;
            case SchemaType.Bytes:
                baseNode = BytesNode(schema);
                break;
            case SchemaType.Array:
                baseNode = new AvroNode(AvroType.Array) { Items = FromConnect(schema.ValueSchema!, forceRequired: false, ignoreOptional: false) };
                break;
            case SchemaType.Map:
                baseNode = MapNode(schema);
                break;
            default:
                if (isUnion)
                {
                    baseNode = new AvroNode(AvroType.Union);
                    if (optional)
                    {
                        baseNode.Branches.Add(AvroNode.Primitive(AvroType.Null));
                    }

                    foreach (var field in schema.Fields)
                    {
                        baseNode.Branches.Add(FromConnect(field.Schema, forceRequired: true, ignoreOptional: true));
                    }
                }
                else if (optional)
                {
                    baseNode = AvroNode.Union(AvroNode.Primitive(AvroType.Null), FromConnect(schema, forceRequired: true, ignoreOptional: false));
                }
                else
                {
                    baseNode = RecordNode(schema);
                }

                break;
        }

        var result = baseNode;
        if (baseNode.Type != AvroType.Union)
        {
            if (_config.ConnectMetaData)
            {
                AddMetadata(schema, baseNode, connectType);
            }

            AddLogicalType(schema, baseNode);
            if (schema.Parameters is { } parameters)
            {
                foreach (var (key, value) in parameters)
                {
                    if (key.StartsWith(ConnectAvroNames.AvroPropPrefix, StringComparison.Ordinal))
                    {
                        baseNode.Properties.Add(key, JsonValue.Create(value));
                    }
                }
            }

            if (!ignoreOptional)
            {
                result = MaybeMakeOptional(schema, optional, baseNode);
            }
        }

        if (!optional)
        {
            _converted[new RequiredSchemaKey(schema)] = result;
        }

        return result;
    }

    private static AvroNode MaybeMakeOptional(Schema schema, bool optional, AvroNode baseNode)
    {
        if (!optional)
        {
            return baseNode;
        }

        return schema.DefaultValue is not null
            ? AvroNode.Union(baseNode, AvroNode.Primitive(AvroType.Null))
            : AvroNode.Union(AvroNode.Primitive(AvroType.Null), baseNode);
    }

    private AvroNode EnumNode(Schema schema)
    {
        var parameters = schema.Parameters!;
        var (_, name) = NameOrDefault(schema.Name);
        var enumName = parameters[ConnectAvroNames.EnumTypeParameter];
        var node = new AvroNode(AvroType.Enum);
        SetName(node, AvroNames.Split(enumName, scrub: false));
        var prefix = ConnectAvroNames.EnumTypeParameter + ".";
        foreach (var key in parameters.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                node.Symbols.Add(key[prefix.Length..]);
            }
        }

        node.Doc = parameters.GetValueOrDefault(ConnectAvroNames.EnumDocPrefixParameter + name);
        node.EnumDefault = parameters.GetValueOrDefault(ConnectAvroNames.EnumDefaultPrefixParameter + name);
        return node;
    }

    private AvroNode BytesNode(Schema schema)
    {
        AvroNode node;
        if (AvroSchemas.IsFixed(schema))
        {
            node = new AvroNode(AvroType.Fixed) { FixedSize = ParseInt(schema.Parameters![ConnectAvroNames.ConnectFixedSizeParameter], "fixed size") };
            SetName(node, NameOrDefault(schema.Name));
        }
        else
        {
            node = new AvroNode(AvroType.Bytes);
        }

        if (IsNamed(schema, DecimalSchema.LogicalName))
        {
            var parameters = schema.Parameters;
            var scaleText = parameters?.GetValueOrDefault(DecimalSchema.ScaleParameter) ??
                throw new DataException("Invalid Decimal schema: scale parameter not found.");
            node.Properties.Add(ConnectAvroNames.DecimalScaleProp, JsonValue.Create(ParseInt(scaleText, "Decimal scale")));
            var precision = parameters.TryGetValue(ConnectAvroNames.ConnectDecimalPrecisionParameter, out var precisionText)
                ? ParseInt(precisionText, "Decimal precision")
                : ConnectAvroNames.DefaultDecimalPrecision;
            node.Properties.Add(ConnectAvroNames.DecimalPrecisionProp, JsonValue.Create(precision));
        }

        return node;
    }

    private AvroNode MapNode(Schema schema)
    {
        if (AvroSchemas.UsesAvroMap(schema, _config))
        {
            return new AvroNode(AvroType.Map) { Values = FromConnect(schema.ValueSchema!, forceRequired: false, ignoreOptional: false) };
        }

        var entry = new AvroNode(AvroType.Record);
        if (schema.Name is null)
        {
            entry.Name = ConnectAvroNames.MapEntryTypeName;
            entry.Namespace = ConnectAvroNames.Namespace;
        }
        else
        {
            SetName(entry, NameOrDefault(schema.Name));
            entry.Properties.Add(ConnectAvroNames.ConnectInternalTypeProp, JsonValue.Create(ConnectAvroNames.MapEntryTypeName));
        }

        AddField(entry, ConnectAvroNames.KeyField, schema.KeySchema!, null);
        AddField(entry, ConnectAvroNames.ValueField, schema.ValueSchema!, null);
        return new AvroNode(AvroType.Array) { Items = entry };
    }

    private AvroNode RecordNode(Schema schema)
    {
        var node = new AvroNode(AvroType.Record)
        {
            Doc = schema.Parameters?.GetValueOrDefault(ConnectAvroNames.RecordDocParameter),
        };
        SetName(node, NameOrDefault(schema.Name));
        foreach (var field in schema.Fields)
        {
            var fieldName = AvroNames.ScrubIf(field.Name, _config.ScrubInvalidNames);
            AvroNames.Validate(fieldName, "field");
            AddField(node, fieldName, field.Schema, schema.Parameters?.GetValueOrDefault(ConnectAvroNames.FieldDocPrefixParameter + field.Name));
        }

        return node;
    }

    private void AddField(AvroNode record, string name, Schema fieldSchema, string? doc)
    {
        var hasDefault = false;
        JsonNode? defaultValue = null;
        if (fieldSchema.DefaultValue is not null)
        {
            defaultValue = ConnectDefaultJson.From(fieldSchema, fieldSchema.DefaultValue, _config);
            hasDefault = true;
        }
        else if (fieldSchema.IsOptional)
        {
            hasDefault = true;
        }

        var node = FromConnect(fieldSchema, forceRequired: false, ignoreOptional: false);

        // Avro rejects a default that does not match the field type (or a union's first branch); Confluent then keeps the field without one.
        if (hasDefault && !AvroDefaults.IsValid(node, defaultValue))
        {
            hasDefault = false;
            defaultValue = null;
        }

        record.AddField(new AvroField(name, node, doc, hasDefault, defaultValue));
    }

    private void AddMetadata(Schema schema, AvroNode node, string? connectType)
    {
        var properties = node.Properties;
        if (schema.Doc is not null)
        {
            properties.Add(ConnectAvroNames.ConnectDocProp, JsonValue.Create(schema.Doc));
        }

        if (schema.Version is { } version)
        {
            properties.Add(ConnectAvroNames.ConnectVersionProp, JsonValue.Create(version));
        }

        if (schema.Parameters is { } parameters)
        {
            var json = new JsonObject();
            foreach (var (key, value) in parameters)
            {
                if (!string.Equals(key, ConnectAvroNames.FieldDefaultFlagParameter, StringComparison.Ordinal))
                {
                    json[key] = value;
                }
            }

            if (json.Count > 0)
            {
                properties.Add(ConnectAvroNames.ConnectParametersProp, json);
            }
        }

        if (schema.DefaultValue is not null &&
            (schema.Parameters is null || !schema.Parameters.ContainsKey(ConnectAvroNames.FieldDefaultFlagParameter)))
        {
            properties.Add(ConnectAvroNames.ConnectDefaultProp, ConnectDefaultJson.From(schema, schema.DefaultValue, _config));
        }

        if (schema.Name is not null)
        {
            properties.Add(ConnectAvroNames.ConnectNameProp, JsonValue.Create(schema.Name));
        }

        if (connectType is not null)
        {
            properties.Add(ConnectAvroNames.ConnectTypeProp, JsonValue.Create(connectType));
        }
    }

    private static void AddLogicalType(Schema schema, AvroNode node)
    {
        if (schema.Name is null)
        {
            return;
        }

        var properties = node.Properties;
        if (IsNamed(schema, DecimalSchema.LogicalName))
        {
            var parameters = schema.Parameters!;
            var precision = parameters.TryGetValue(ConnectAvroNames.ConnectDecimalPrecisionParameter, out var precisionText)
                ? ParseInt(precisionText, "Decimal precision")
                : ConnectAvroNames.DefaultDecimalPrecision;
            var scale = parameters.TryGetValue(DecimalSchema.ScaleParameter, out var scaleText) ? ParseInt(scaleText, "Decimal scale") : 0;

            // Avro's decimal needs 0 <= scale <= precision. Otherwise Confluent falls back to the older property-only form,
            // which (as here) still carries logicalType=decimal when it cannot add the proper logical type.
            if (scale >= 0 && scale <= precision)
            {
                properties.Add(ConnectAvroNames.LogicalTypeProp, JsonValue.Create(ConnectAvroNames.LogicalDecimal));
                properties.Add(ConnectAvroNames.DecimalPrecisionProp, JsonValue.Create(precision));
                properties.Add(ConnectAvroNames.DecimalScaleProp, JsonValue.Create(scale));
            }
            else
            {
                properties.Add(ConnectAvroNames.LogicalTypeProp, JsonValue.Create(ConnectAvroNames.LogicalDecimal));
            }
        }
        else if (IsNamed(schema, TimeSchema.LogicalName))
        {
            properties.Add(ConnectAvroNames.LogicalTypeProp, JsonValue.Create(ConnectAvroNames.LogicalTimeMillis));
        }
        else if (IsNamed(schema, TimestampSchema.LogicalName))
        {
            properties.Add(ConnectAvroNames.LogicalTypeProp, JsonValue.Create(ConnectAvroNames.LogicalTimestampMillis));
        }
        else if (IsNamed(schema, DateSchema.LogicalName))
        {
            properties.Add(ConnectAvroNames.LogicalTypeProp, JsonValue.Create(ConnectAvroNames.LogicalDate));
        }
    }

    private (string? Namespace, string Name) NameOrDefault(string? name)
    {
        if (name is not null)
        {
            return AvroNames.Split(name, _config.ScrubInvalidNames);
        }

        var index = ++_defaultNameIndex;
        return (ConnectAvroNames.Namespace,
            ConnectAvroNames.DefaultSchemaName + (index > 1 ? index.ToString(CultureInfo.InvariantCulture) : string.Empty));
    }

    private static void SetName(AvroNode node, (string? Namespace, string Name) names)
    {
        AvroNames.Validate(names.Name, "schema");
        if (names.Namespace is not null)
        {
            foreach (var part in names.Namespace.Split('.'))
            {
                AvroNames.Validate(part, "namespace");
            }
        }

        node.Namespace = names.Namespace;
        node.Name = names.Name;
    }

    private static bool IsNamed(Schema schema, string logicalName) => string.Equals(schema.Name, logicalName, StringComparison.OrdinalIgnoreCase);

    private static int ParseInt(string text, string what) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DataException($"Invalid {what} parameter: {text}");
}
