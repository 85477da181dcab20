using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Builds <see cref="TableSchema"/>s the way Debezium's TableSchemaBuilder names and orders them.</summary>
internal sealed class TableSchemaFactory
{
    private readonly PostgresConnectorConfig _config;
    private readonly ValueConverterFactory _converters;

    public TableSchemaFactory(PostgresConnectorConfig config, ValueConverterFactory converters)
    {
        _config = config;
        _converters = converters;
    }

    public TableSchema Create(string schemaName, string tableName, IReadOnlyList<ColumnInfo> columns)
    {
        var prefix = _config.TopicPrefix + "." + schemaName + "." + tableName;
        var keyNames = _config.Filters.KeyColumnsFor(schemaName, tableName);
        var tableColumns = new List<TableColumn>(columns.Count);
        foreach (var info in columns)
        {
            var converter = _converters.Create(info);
            var inKey = keyNames is null ? info.PrimaryKeyPosition is not null : keyNames.Contains(info.Name, StringComparer.Ordinal);
            var inValue = _config.Filters.IncludesColumn(schemaName, tableName, info.Name);
            tableColumns.Add(new TableColumn(info, converter, inValue, inKey));
        }

        var value = SchemaBuilder.Struct().Name(prefix + ".Value").Optional();
        foreach (var column in tableColumns)
        {
            if (column.InValue && column.Converter is not null)
            {
                value.Field(column.Info.Name, column.Converter.Schema);
            }
        }

        var keyColumns = tableColumns.Where(c => c.InKey && c.Converter is not null).ToList();
        if (keyNames is null)
        {
            keyColumns.Sort((a, b) => a.Info.PrimaryKeyPosition!.Value.CompareTo(b.Info.PrimaryKeyPosition!.Value));
        }
        else
        {
            keyColumns.Sort((a, b) => IndexOf(keyNames, a.Info.Name).CompareTo(IndexOf(keyNames, b.Info.Name)));
        }

        Schema? keySchema = null;
        if (keyColumns.Count > 0)
        {
            var key = SchemaBuilder.Struct().Name(prefix + ".Key");
            foreach (var column in keyColumns)
            {
                key.Field(column.Info.Name, column.Converter!.Schema);
            }

            keySchema = key.Build();
        }

        var valueSchema = value.Build();
        return new TableSchema(schemaName, tableName, prefix, tableColumns, keySchema, valueSchema, DebeziumSchemas.Envelope(prefix + ".Envelope", valueSchema));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
