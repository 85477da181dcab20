using Serverless.Connect.Data;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>Reads <c>op</c> and the source table of a Debezium change event (before any transform).</summary>
internal static class ChangeEventFields
{
    public static string? Op(ConnectRecord record) =>
        record.Value is Struct value && value.Schema.FieldByName("op") is { } field ? value.Get(field) as string : null;

    /// <summary>The change event's <c>source.schema</c> and <c>source.table</c>, or null for other records.</summary>
    public static (string Schema, string Table)? Table(ConnectRecord record)
    {
        if (record.Value is not Struct value || value.Schema.FieldByName("source") is not { } sourceField || value.Get(sourceField) is not Struct source)
        {
            return null;
        }

        return source.Schema.FieldByName("schema") is { } schema && source.Schema.FieldByName("table") is { } table &&
            source.Get(schema) is string schemaName && source.Get(table) is string tableName
            ? (schemaName, tableName)
            : null;
    }
}
