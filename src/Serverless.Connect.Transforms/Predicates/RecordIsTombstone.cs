using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Predicates;

/// <summary>Kafka's <c>RecordIsTombstone</c> predicate: true when the record value is null.</summary>
/// <remarks>Only the value counts: a record with a value schema but a null value is a tombstone too, as in Kafka.</remarks>
public sealed class RecordIsTombstone : IPredicate
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone";

    private static readonly ConfigDef s_configDef = new();

    /// <summary>The settings Kafka defines for this predicate: none (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config) => ArgumentNullException.ThrowIfNull(config);

    /// <inheritdoc/>
    public bool Test(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Value is null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
