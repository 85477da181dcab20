namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>A table column as the catalog (or a Relation message enriched from it) describes it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="TypeOid">The type OID.</param>
/// <param name="TypeModifier">The type modifier (-1 when none).</param>
/// <param name="Optional">True when the column is nullable.</param>
/// <param name="PrimaryKeyPosition">1-based position in the primary key, or null.</param>
/// <param name="DefaultExpression">The column default as <c>pg_get_expr</c> prints it, or null.</param>
internal sealed record ColumnInfo(string Name, uint TypeOid, int TypeModifier, bool Optional, int? PrimaryKeyPosition, string? DefaultExpression = null);
