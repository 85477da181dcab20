using Serverless.Connect.Configuration.Validation;
using Serverless.Connect.Data;
using Serverless.Connect.Transforms.Chain.Internal;
using Serverless.Connect.Transforms.Internal;

namespace Serverless.Connect.Transforms.Kafka;

/// <summary>Kafka's <c>InsertHeader</c>: adds a header with a literal value to every record.</summary>
/// <remarks>
/// The literal is typed the way Kafka's <c>Values.parseString</c> types it: <c>1234</c> becomes INT16, <c>true</c>
/// BOOLEAN, <c>null</c> a null value without schema, <c>[-3, 0, 5]</c> an ARRAY of INT8,
/// <c>{3.4: 4761, -5.9: -9753186420}</c> a MAP of FLOAT32 to INT64, anything else a STRING. The header is always added,
/// even when one with the same name exists.
/// </remarks>
public sealed class InsertHeader : ITransformation
{
    /// <summary>The Kafka class name.</summary>
    public const string ClassName = "org.apache.kafka.connect.transforms.InsertHeader";

    /// <summary>The <c>header</c> setting: the header name (required).</summary>
    public const string HeaderConfig = "header";

    /// <summary>The <c>value.literal</c> setting: the header value (required).</summary>
    public const string ValueLiteralConfig = "value.literal";

    private static readonly ConfigDef s_configDef = new ConfigDef()
        .Define(HeaderConfig, ConfigType.String, ConfigDef.NoDefaultValue, new NonNullValidator(), Importance.High,
            "The name of the header.")
        .Define(ValueLiteralConfig, ConfigType.String, ConfigDef.NoDefaultValue, new NonNullValidator(), Importance.High,
            "The literal value that is to be set as the header value on all records.");

    private ConnectHeader? _header;

    /// <summary>The settings Kafka defines for this transformation (a fresh copy).</summary>
    public static ConfigDef ConfigDef => new(s_configDef);

    /// <inheritdoc/>
    public void Configure(IReadOnlyDictionary<string, string> config)
    {
        var parsed = TransformConfig.Parse(s_configDef, config);
        var literal = ValueParser.ParseString(parsed.GetString(ValueLiteralConfig));
        _header = new ConnectHeader(parsed.GetString(HeaderConfig)!, literal.Schema, literal.Value);
    }

    /// <inheritdoc/>
    public ConnectRecord? Apply(ConnectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var header = _header ?? throw NotConfigured.For(ClassName);
        return record with { Headers = record.Headers.Add(header) };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
