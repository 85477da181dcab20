using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>Kafka's <c>DropHeaders</c>: removes every header whose name is listed in <c>headers</c>.</summary>
public sealed class DropHeaders : ITransformation
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.DropHeaders";

    /// <summary>The <c>headers</c> setting: the names of the headers to remove (required, non-empty list).</summary>
    public const string HeadersConfig = "headers";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(
            HeadersConfig, ConfigType.List, ConfigDef.NoDefaultValue, NonEmptyListValidator.Instance, Importance.High,
            "The name of the headers to be removed.");

    private HashSet<string>? _headers;

    /// <summary>The settings Kafka defines for this transformation (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config) =>
        _headers = new HashSet<string>(TransformConfig.Parse(s_configDef, config).GetList(HeadersConfig)!, StringComparer.Ordinal);

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var headers = _headers ?? throw NotConfigured.For(ClassName);
        var kept = record.Headers.RemoveAll(headers);
        return ReferenceEquals(kept, record.Headers) ? record : record with { Headers = kept };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
