using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.S3.Internal;

/// <summary>
/// <c>schema.compatibility</c>: whether a record's schema forces a rotation, or is projected onto the open file's
/// schema (Connect's <c>SchemaProjector</c> for structs: fields by name, missing ones from defaults or null).
/// </summary>
internal static class SchemaProjection
{
    public enum Decision
    {
        Same,
        Rotate,
        Project,
    }

    public static Decision Decide(SchemaCompatibility compatibility, Schema? current, Schema? incoming)
    {
        if (Equals(current, incoming))
        {
            return Decision.Same;
        }

        if (compatibility == SchemaCompatibility.None || current is null || incoming is null
            || current.Version is not { } currentVersion || incoming.Version is not { } incomingVersion || currentVersion == incomingVersion)
        {
            return Decision.Rotate;
        }

        var newer = incomingVersion > currentVersion;
        return compatibility == SchemaCompatibility.Forward
            ? (newer ? Decision.Project : Decision.Rotate)
            : (newer ? Decision.Rotate : Decision.Project);
    }

    public static ConnectRecord Project(ConnectRecord record, Schema target)
    {
        var value = Project(record.ValueSchema!, record.Value, target, "value");
        return record with { ValueSchema = target, Value = value };
    }

    private static object? Project(Schema source, object? value, Schema target, string path)
    {
        if (value is null)
        {
            return target.IsOptional || target.DefaultValue is not null
                ? target.DefaultValue
                : throw new DataException($"Schema projection failed at {path}: null for a required field.");
        }

        if (source.Type != target.Type || !string.Equals(source.Name, target.Name, StringComparison.Ordinal))
        {
            throw new DataException($"Schema projection failed at {path}: {source.Type.ToConnectName()} cannot become {target.Type.ToConnectName()}.");
        }

        if (target.Type != SchemaType.Struct)
        {
            return value;
        }

        var input = (Struct)value;
        var builder = new StructBuilder(target);
        foreach (var field in target.Fields)
        {
            var sourceField = source.FieldByName(field.Name);
            var projected = sourceField is null
                ? field.Schema.DefaultValue ?? (field.Schema.IsOptional ? null : throw new DataException(
                    $"Schema projection failed at {path}.{field.Name}: the field is missing and has no default."))
                : Project(sourceField.Schema, input.Get(sourceField), field.Schema, path + "." + field.Name);
            if (projected is not null)
            {
                builder.Put(field, projected);
            }
        }

        return builder.Build();
    }
}
