using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>The Debezium schemas of one captured table and the conversion of its tuples into key and value structs.</summary>
internal sealed class TableSchema
{
    public TableSchema(string schemaName, string tableName, string topic, IReadOnlyList<TableColumn> columns, Schema? keySchema, Schema valueSchema, Schema envelope)
    {
        SchemaName = schemaName;
        TableName = tableName;
        DataCollection = schemaName + "." + tableName;
        Topic = topic;
        Columns = columns;
        KeySchema = keySchema;
        ValueSchema = valueSchema;
        EnvelopeSchema = envelope;
    }

    public string SchemaName { get; }

    public string TableName { get; }

    /// <summary>Gets <c>schema.table</c>, the data collection named in transaction metadata.</summary>
    public string DataCollection { get; }

    public string Topic { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public Schema? KeySchema { get; }

    public Schema ValueSchema { get; }

    public Schema EnvelopeSchema { get; }

    public Struct BuildValue(IReadOnlyList<RawValue> tuple) => Build(ValueSchema, tuple, key: false)!;

    public Struct? BuildKey(IReadOnlyList<RawValue> tuple) => KeySchema is null ? null : Build(KeySchema, tuple, key: true);

    private Struct Build(Schema schema, IReadOnlyList<RawValue> tuple, bool key)
    {
        if (tuple.Count != Columns.Count)
        {
            throw new DataException(
                $"Tuple for {SchemaName}.{TableName} has {tuple.Count} columns but its relation has {Columns.Count}");
        }

        var builder = new StructBuilder(schema);
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            if (column.Converter is null || !(key ? column.InKey : column.InValue))
            {
                continue;
            }

            builder.Put(column.Info.Name, Convert(column, tuple[i]));
        }

        return builder.Build();
    }

    private object? Convert(TableColumn column, RawValue raw)
    {
        var converter = column.Converter!;
        try
        {
            return raw.Kind switch
            {
                RawValueKind.Text => converter.FromText(raw.Text!),
                RawValueKind.UnchangedToast => converter.ToastPlaceholder ?? converter.Fallback,
                _ => converter.Fallback,
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            throw new DataException($"Cannot convert value of column {SchemaName}.{TableName}.{column.Info.Name}: {e.Message}", e);
        }
    }
}
