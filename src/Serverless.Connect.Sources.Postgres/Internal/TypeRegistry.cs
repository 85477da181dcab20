using Npgsql;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Caches <c>pg_type</c>; reloads when an unknown OID (a type created after start) shows up.</summary>
internal sealed class TypeRegistry
{
    private const string Sql = """
        SELECT t.oid, t.typname, n.nspname, t.typtype, t.typelem, t.typbasetype, t.typtypmod,
               coalesce((SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '{}')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        """;

    private Dictionary<uint, PgTypeInfo> _types = [];

    public async Task<PgTypeInfo?> GetAsync(NpgsqlConnection connection, uint oid, CancellationToken cancellationToken)
    {
        if (_types.TryGetValue(oid, out var type))
        {
            return type;
        }

        await ReloadAsync(connection, cancellationToken).ConfigureAwait(false);
        return _types.GetValueOrDefault(oid);
    }

    public PgTypeInfo? Find(uint oid) => _types.GetValueOrDefault(oid);

    public async Task ReloadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var types = new Dictionary<uint, PgTypeInfo>();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var info = new PgTypeInfo(
                reader.GetFieldValue<uint>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetChar(3),
                reader.GetFieldValue<uint>(4),
                reader.GetFieldValue<uint>(5),
                reader.GetInt32(6),
                reader.GetFieldValue<string[]>(7));
            types[info.Oid] = info;
        }

        _types = types;
    }
}
