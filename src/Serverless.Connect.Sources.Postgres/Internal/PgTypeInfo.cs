namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>One row of <c>pg_type</c>, with enum labels in sort order.</summary>
internal sealed record PgTypeInfo(
    uint Oid,
    string Name,
    string Namespace,
    char Kind,
    uint ElementOid,
    uint BaseTypeOid,
    int BaseTypeModifier,
    IReadOnlyList<string> EnumLabels);
