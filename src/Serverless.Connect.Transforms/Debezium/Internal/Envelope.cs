using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Debezium.Internal;

/// <summary>Debezium change-event envelope names (<c>io.debezium.data.Envelope</c>).</summary>
internal static class Envelope
{
    public const string SchemaNameSuffix = ".Envelope";
    public const string Before = "before";
    public const string After = "after";
    public const string Source = "source";
    public const string Transaction = "transaction";
    public const string Operation = "op";
    public const string Timestamp = "ts_ms";
    public const string TimestampUs = "ts_us";
    public const string TimestampNs = "ts_ns";
    public const string TransactionId = "id";
    public const string TransactionTotalOrder = "total_order";
    public const string TransactionDataCollectionOrder = "data_collection_order";

    public const string Create = "c";
    public const string Read = "r";
    public const string Update = "u";
    public const string Delete = "d";

    /// <summary>Debezium's <c>SmtManager.isValidEnvelope</c>: the value schema is named <c>*.Envelope</c>.</summary>
    public static bool IsEnvelope(ConnectRecord record) =>
        record.ValueSchema?.Name is { } name && name.EndsWith(SchemaNameSuffix, StringComparison.Ordinal);
}
