using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Predicates;

/// <summary>Kafka's <c>HasHeaderKey</c> predicate: true when the record has at least one header with the configured name.</summary>
public sealed class HasHeaderKey : IPredicate
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.predicates.HasHeaderKey";

    /// <summary>The <c>name</c> setting: the header name (required, non-empty).</summary>
    public const string NameConfig = "name";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(NameConfig, ConfigType.String, ConfigDef.NoDefaultValue, new NonEmptyString(), Importance.Medium, "The header name.");

    private string? _name;

    /// <summary>The settings Kafka defines for this predicate (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config) =>
        _name = TransformConfig.Parse(s_configDef, config).GetString(NameConfig);

    /// <inheritdoc/>
    public bool Test(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = _name ?? throw NotConfigured.For(ClassName);
        return record.Headers.ContainsKey(name);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => $"HasHeaderKey{{name='{_name}'}}";
}
