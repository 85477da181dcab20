using Serverless.Connect.Data;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Turns one column's PostgreSQL text value into its Debezium value.</summary>
/// <param name="Schema">The field schema.</param>
/// <param name="FromText">Decodes a non-null text value.</param>
/// <param name="Fallback">The value Debezium writes for a required column whose value is absent (key-only old tuples).</param>
/// <param name="ToastPlaceholder">The value standing for an unchanged TOASTed value, or null if the type has none.</param>
internal sealed record ColumnConverter(Schema Schema, Func<string, object?> FromText, object? Fallback, object? ToastPlaceholder);
