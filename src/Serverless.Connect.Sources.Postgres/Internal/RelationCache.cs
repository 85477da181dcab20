using Npgsql;
using Npgsql.Replication.PgOutput.Messages;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Table schemas by relation id, rebuilt from each Relation message (so added/dropped columns are picked up).</summary>
internal sealed class RelationCache
{
    private readonly Dictionary<uint, TableSchema?> _relations = [];
    private readonly PostgresConnectorConfig _config;
    private readonly TypeRegistry _types;
    private readonly TableSchemaFactory _factory;

    public RelationCache(PostgresConnectorConfig config, TypeRegistry types, TableSchemaFactory factory)
    {
        _config = config;
        _types = types;
        _factory = factory;
    }

    /// <summary>Gets the schema for a relation id; null when the table is not captured.</summary>
    public TableSchema? Get(uint relationId) =>
        _relations.TryGetValue(relationId, out var table)
            ? table
            : throw new Errors.ConnectException($"Received a change for relation {relationId} before its Relation message");

    public async Task UpdateAsync(RelationMessage message, NpgsqlConnection metadata, CancellationToken cancellationToken)
    {
        // Copy everything out of the reused message before the first await.
        var relationId = message.RelationId;
        var schema = message.Namespace;
        var name = message.RelationName;
        var streamed = message.Columns.Select(c => (c.ColumnName, c.DataTypeId, c.TypeModifier)).ToList();
        if (!_config.Filters.IncludesTable(schema, name))
        {
            _relations[relationId] = null;
            return;
        }

        var catalog = await CatalogReader.ReadColumnsAsync(metadata, relationId, cancellationToken).ConfigureAwait(false);
        var byName = catalog.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = new List<ColumnInfo>(streamed.Count);
        foreach (var (columnName, typeOid, typeModifier) in streamed)
        {
            await _types.GetAsync(metadata, typeOid, cancellationToken).ConfigureAwait(false);
            var known = byName.GetValueOrDefault(columnName);
            columns.Add(new ColumnInfo(columnName, typeOid, typeModifier, known?.Optional ?? true, known?.PrimaryKeyPosition, known?.DefaultExpression));
        }

        _relations[relationId] = _factory.Create(schema, name, columns);
    }
}
