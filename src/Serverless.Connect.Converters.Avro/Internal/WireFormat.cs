using System.Buffers.Binary;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro binary body.</summary>
internal static class WireFormat
{
    public const byte MagicByte = 0;
    public const int HeaderLength = 5;

    public static void WriteHeader(Stream output, int schemaId)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        header[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], schemaId);
        output.Write(header);
    }

    /// <exception cref="DataException">The payload does not start with the magic byte and an id.</exception>
    public static int ReadSchemaId(ReadOnlySpan<byte> payload, string topic)
    {
        if (payload.Length < HeaderLength || payload[0] != MagicByte)
        {
            throw new DataException($"Failed to deserialize data for topic {topic} to Avro: Unknown magic byte!");
        }

        return BinaryPrimitives.ReadInt32BigEndian(payload[1..]);
    }
}
