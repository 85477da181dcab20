using System.Text;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;
using Serverless.Connect.Runtime.Records;

namespace Serverless.Connect.Runtime.Internal;

/// <summary>
/// Converts raw Kafka headers to Connect headers and back. <c>SimpleHeaderConverter</c> headers are read as UTF-8
/// strings (STRING schema; null stays null) and written with Java's string rendering; any other header converter is a
/// registered converter applied to each header.
/// </summary>
internal sealed class HeaderConversion
{
    private static readonly StringConverter s_text = CreateText();
    private readonly IConverter? _converter;

    public HeaderConversion(string className, IReadOnlyDictionary<string, string> config, ConverterRegistry registry)
    {
        ClassName = JavaClassNames.Converter(className);
        if (ClassName != JavaClassNames.SimpleHeaderConverter)
        {
            _converter = registry.Create(className, config, isKey: false);
        }
    }

    public string ClassName { get; }

    public ConnectHeaders ToConnect(ConsumedRecord record)
    {
        var raw = record.Headers;
        if (raw.Count == 0)
        {
            return ConnectHeaders.Empty;
        }

        var headers = new ConnectHeader[raw.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            var header = raw[i];
            if (_converter is null)
            {
                headers[i] = header.Value is null
                    ? new ConnectHeader(header.Key, null, null)
                    : new ConnectHeader(header.Key, Schema.StringSchema, Encoding.UTF8.GetString(header.Value));
            }
            else
            {
                var converted = _converter.ToConnectData(record.Topic, null, header.Value, header.Value is null);
                headers[i] = new ConnectHeader(header.Key, converted.Schema, converted.Value);
            }
        }

        return ConnectHeaders.Create(headers);
    }

    public byte[]? FromConnect(string topic, ConnectHeader header)
    {
        if (header.Value is null)
        {
            return null;
        }

        return _converter is null
            ? header.Value is string text ? Encoding.UTF8.GetBytes(text) : s_text.FromConnectData(topic, null, header.Schema, header.Value)
            : _converter.FromConnectData(topic, null, header.Schema, header.Value);
    }

    private static StringConverter CreateText()
    {
        var converter = new StringConverter();
        converter.Configure(new Dictionary<string, string>(), isKey: false);
        return converter;
    }
}
