namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>A column in tuple order with its converter and where it goes (value field, key field, both or neither).</summary>
internal sealed record TableColumn(ColumnInfo Info, ColumnConverter? Converter, bool InValue, bool InKey);
