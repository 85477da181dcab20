using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Serverless.Connect.Converters;
using Serverless.Connect.Data;

namespace Serverless.Connect.CdcReader.Internal;

/// <summary>Converts Connect records to Kafka messages with the connector's key/value converters.</summary>
internal sealed class RecordSerializer
{
    private readonly IConverter _key;
    private readonly IConverter _value;
    private readonly IConverter _headerJson;

    public RecordSerializer(IConverter key, IConverter value)
    {
        _key = key;
        _value = value;
        _headerJson = ConverterRegistry.Default.Create(
            "org.apache.kafka.connect.json.JsonConverter", new Dictionary<string, string> { ["schemas.enable"] = "false" }, isKey: false);
    }

    public Message<byte[]?, byte[]?> ToMessage(ConnectRecord record)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = _key.FromConnectData(record.Topic, record.KeySchema, record.Key),
            Value = _value.FromConnectData(record.Topic, record.ValueSchema, record.Value),
        };
        if (record.Headers.Count > 0)
        {
            var headers = new Headers();
            foreach (var header in record.Headers)
            {
                headers.Add(header.Key, HeaderBytes(record.Topic, header));
            }

            message.Headers = headers;
        }

        return message;
    }

    // Connect's default SimpleHeaderConverter: strings as UTF-8, structs/maps/arrays as JSON text, other values as text.
    private byte[]? HeaderBytes(string topic, ConnectHeader header) => header.Value switch
    {
        null => null,
        string text => Encoding.UTF8.GetBytes(text),
        byte[] bytes => bytes,
        Struct or System.Collections.IEnumerable => _headerJson.FromConnectData(topic, header.Schema, header.Value),
        IFormattable formattable => Encoding.UTF8.GetBytes(formattable.ToString(null, CultureInfo.InvariantCulture)),
        var other => Encoding.UTF8.GetBytes(other.ToString() ?? string.Empty),
    };
}
