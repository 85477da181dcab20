namespace Serverless.Connect.CdcReader.Internal;

/// <summary>An outbox row whose insert event is in flight: its table and primary-key values as PostgreSQL text.</summary>
/// <param name="Table">The table's key columns and types.</param>
/// <param name="KeyText">One text value per key column, in <see cref="OutboxTable.Columns"/> order.</param>
internal sealed record OutboxRow(OutboxTable Table, string[] KeyText);
