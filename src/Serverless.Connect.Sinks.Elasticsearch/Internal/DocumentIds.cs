using System.Globalization;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sinks.Elasticsearch.Internal;

/// <summary>Document ids as Confluent's <c>DataConverter</c> computes them.</summary>
internal static class DocumentIds
{
    /// <summary>The id used when keys are ignored: <c>topic+partition+offset</c>.</summary>
    public static string FromCoordinates(ConnectRecord record) =>
        // Java's String.format prints a null partition as "null".
        string.Create(CultureInfo.InvariantCulture, $"{record.Topic}+{(record.KafkaPartition is { } p ? p : "null")}+{record.KafkaOffset}");

    /// <summary>The record key as text; only integer and string keys are allowed.</summary>
    /// <exception cref="DataException">The key is null, empty or of another type.</exception>
    public static string FromKey(Schema? keySchema, object? key)
    {
        if (key is null)
        {
            throw new DataException("Key is used as document id and can not be null.");
        }

        var text = key switch
        {
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => key.ToString() ?? "",
        };
        if (text.Length == 0)
        {
            throw new DataException("Key is used as document id and can not be empty.");
        }

        var type = keySchema?.Type ?? TypeOf(key);
        return type switch
        {
            SchemaType.Int8 or SchemaType.Int16 or SchemaType.Int32 or SchemaType.Int64 or SchemaType.String => text,
            _ => throw new DataException($"{type.ToConnectName()} is not supported as the document id."),
        };
    }

    private static SchemaType TypeOf(object key) => key switch
    {
        sbyte => SchemaType.Int8,
        short => SchemaType.Int16,
        int => SchemaType.Int32,
        long => SchemaType.Int64,
        string => SchemaType.String,
        float => SchemaType.Float32,
        double => SchemaType.Float64,
        bool => SchemaType.Boolean,
        byte[] => SchemaType.Bytes,
        Struct => SchemaType.Struct,
        System.Collections.IDictionary or IReadOnlyDictionary<object, object?> => SchemaType.Map,
        System.Collections.IList => SchemaType.Array,
        _ => throw new DataException($"Class {key.GetType()} does not have corresponding schema type."),
    };
}
