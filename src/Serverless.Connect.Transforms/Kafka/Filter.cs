using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>Kafka's <c>Filter</c>: drops every record. Meant to be used with a predicate (and <c>negate</c>).</summary>
public sealed class Filter : ITransformation
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.Filter";

    private static readonly ConfigDef s_configDef = new();

    /// <summary>The settings Kafka defines for this transformation: none (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config) => ArgumentNullException.ThrowIfNull(config);

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
