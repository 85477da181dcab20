using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Shared rules for how Connect schemas correspond to Avro schemas (unions, enums, fixed, map entries).</summary>
internal static class AvroSchemas
{
    public static bool IsUnionStruct(Schema schema) =>
        schema.Type == SchemaType.Struct && string.Equals(schema.Name, ConnectAvroNames.UnionTypeName, StringComparison.Ordinal);

    public static bool IsEnum(Schema schema) =>
        schema.Type == SchemaType.String && schema.Parameters is { } parameters && parameters.ContainsKey(ConnectAvroNames.EnumTypeParameter);

    public static bool IsFixed(Schema schema) =>
        schema.Type == SchemaType.Bytes && schema.Name is not null && schema.Parameters is { } parameters &&
        parameters.ContainsKey(ConnectAvroNames.ConnectFixedSizeParameter);

    public static bool IsMapEntry(AvroNode node) =>
        node.Type == AvroType.Record &&
        ((string.Equals(node.Namespace, ConnectAvroNames.Namespace, StringComparison.Ordinal) &&
          string.Equals(node.Name, ConnectAvroNames.MapEntryTypeName, StringComparison.Ordinal)) ||
         string.Equals(node.Properties.GetString(ConnectAvroNames.ConnectInternalTypeProp), ConnectAvroNames.MapEntryTypeName, StringComparison.Ordinal));

    public static bool IsAnything(AvroNode node) =>
        node.Type == AvroType.Record && string.Equals(node.FullName, ConnectAvroNames.AnythingTypeName, StringComparison.Ordinal);

    public static bool UsesAvroMap(Schema mapSchema, AvroDataConfig config) =>
        mapSchema.KeySchema!.Type == SchemaType.String && (!mapSchema.KeySchema.IsOptional || config.AllowOptionalMapKeys);

    /// <summary>The Connect field name of an Avro union member: the simple (or, with enhanced support, full) name of a named type, else the type name.</summary>
    public static string UnionMemberFieldName(AvroNode member, AvroDataConfig config) =>
        member.IsNamed
            ? config.EnhancedAvroSchemaSupport ? member.FullName! : member.Name!
            : AvroNode.TypeName(member.Type);

    /// <summary>
    /// Picks the branch of an Avro union that carries a value of the given Connect schema, as Confluent's converter does:
    /// the only non-null branch, or the branch whose kind and name match.
    /// </summary>
    /// <exception cref="DataException">No branch matches.</exception>
    public static AvroNode SelectBranch(Schema schema, AvroNode union, AvroDataConfig config)
    {
        AvroNode? single = null;
        var nonNull = 0;
        foreach (var branch in union.Branches)
        {
            if (branch.Type != AvroType.Null)
            {
                single = branch;
                nonNull++;
            }
        }

        if (nonNull == 1)
        {
            return single!;
        }

        foreach (var branch in union.Branches)
        {
            if (branch.Type != AvroType.Null && Matches(schema, branch, config))
            {
                return branch;
            }
        }

        throw new DataException($"No member of the Avro union {AvroSchemaWriter.Write(union)} matches the Connect schema {schema}");
    }

    private static bool Matches(Schema schema, AvroNode branch, AvroDataConfig config)
    {
        switch (schema.Type)
        {
            case SchemaType.Struct:
                return branch.Type == AvroType.Record &&
                    (string.Equals(branch.FullName, AvroNames.ScrubFullName(schema.Name, config.ScrubInvalidNames), StringComparison.Ordinal) ||
                     (schema.Name is null && branch.FullName!.StartsWith(ConnectAvroNames.DefaultSchemaFullName, StringComparison.Ordinal)));
            case SchemaType.Map:
                return UsesAvroMap(schema, config)
                    ? branch.Type == AvroType.Map
                    : branch.Type == AvroType.Array && IsMapEntry(branch.Items!);
            case SchemaType.Array:
                return branch.Type == AvroType.Array;
            case SchemaType.String:
                return branch.Type == AvroType.String ||
                    (branch.Type == AvroType.Enum && IsEnum(schema) &&
                     string.Equals(branch.FullName, schema.Parameters![ConnectAvroNames.EnumTypeParameter], StringComparison.Ordinal));
            case SchemaType.Bytes:
                return IsFixed(schema)
                    ? branch.Type == AvroType.Fixed &&
                      string.Equals(branch.FixedSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                          schema.Parameters![ConnectAvroNames.ConnectFixedSizeParameter], StringComparison.Ordinal)
                    : branch.Type == AvroType.Bytes;
            case SchemaType.Int8:
            case SchemaType.Int16:
            case SchemaType.Int32:
                return branch.Type == AvroType.Int;
            case SchemaType.Int64:
                return branch.Type == AvroType.Long;
            case SchemaType.Float32:
                return branch.Type == AvroType.Float;
            case SchemaType.Float64:
                return branch.Type == AvroType.Double;
            default:
                return branch.Type == AvroType.Boolean;
        }
    }
}
