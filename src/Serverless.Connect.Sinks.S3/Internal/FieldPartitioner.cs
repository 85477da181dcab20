using System.Globalization;
using System.Text;
using Serverless.Connect.Data;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary><c>&lt;field&gt;=&lt;value&gt;</c> per configured field, joined by <c>directory.delim</c>; integer, string and boolean fields only.</summary>
internal sealed class FieldPartitioner(IReadOnlyList<string> fields, string delimiter) : IPartitioner
{
    public string Encode(ConnectRecord record, long timestamp)
    {
        if (record.Value is not Struct value)
        {
            throw new PartitionException("Error encoding partition: Value is not Struct type.");
        }

        var builder = new StringBuilder();
        foreach (var name in fields)
        {
            if (builder.Length > 0)
            {
                builder.Append(delimiter);
            }

            if (!FieldPaths.TryGet(value, name, out var fieldValue, out var schema) || schema is null)
            {
                throw new PartitionException($"Error encoding partition: field '{name}' is not in the value schema.");
            }

            builder.Append(name).Append('=');
            if (fieldValue is null)
            {
                builder.Append("null");
                continue;
            }

            switch (schema.Type)
            {
                case SchemaType.Int8 or SchemaType.Int16 or SchemaType.Int32 or SchemaType.Int64 when schema.Name is null:
                    builder.Append(Convert.ToString(fieldValue, CultureInfo.InvariantCulture));
                    break;
                case SchemaType.String:
                    builder.Append((string)fieldValue);
                    break;
                case SchemaType.Boolean:
                    builder.Append((bool)fieldValue ? "true" : "false");
                    break;
                default:
                    throw new PartitionException(
                        $"Error encoding partition: type {schema.Type.ToConnectName()} of field '{name}' is not supported; use integer, string or boolean fields.");
            }
        }

        return builder.ToString();
    }
}
