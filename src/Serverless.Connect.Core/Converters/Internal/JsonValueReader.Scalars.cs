using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>Scalar decoding: numbers with Jackson's coercions, base64, and the non-finite float strings.</summary>
internal static partial class JsonValueReader
{
    private static byte[] ReadBase64(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Convert.FromBase64String(reader.GetString()!);
        }

        var text = reader.ValueSpan;
        var buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (Base64.DecodeFromUtf8(text, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw new DataException("Invalid bytes field");
        }

        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    private static long ReadInt64(ref Utf8JsonReader reader, Schema schema)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Mismatch(schema, reader.TokenType);
        }

        var raw = reader.ValueSpan;
        if (IsIntegral(raw))
        {
            return ParseIntegral(raw);
        }

        // Jackson truncates toward zero and keeps the low-order bits, like BigDecimal.longValue().
        var truncated = Math.Truncate(ParseDouble(raw));
        if (truncated is >= long.MinValue and < 9.2233720368547758E18)
        {
            return (long)truncated;
        }

        return double.IsFinite(truncated) ? LowBits(new BigInteger(truncated)) : 0;
    }

    private static object ReadDouble(ref Utf8JsonReader reader, Schema schema) => reader.TokenType switch
    {
        JsonTokenType.Number => ParseDouble(reader.ValueSpan),
        JsonTokenType.String => NonFinite(ref reader, schema),
        _ => throw Mismatch(schema, reader.TokenType),
    };

    private static object ReadFloat(ref Utf8JsonReader reader, Schema schema) => reader.TokenType switch
    {
        JsonTokenType.Number => float.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonTokenType.String => (float)NonFinite(ref reader, schema),
        _ => throw Mismatch(schema, reader.TokenType),
    };

    // The writer emits NaN and the infinities as strings (as Jackson does); accept them back.
    private static double NonFinite(ref Utf8JsonReader reader, Schema schema)
    {
        if (reader.ValueTextEquals("NaN"u8))
        {
            return double.NaN;
        }

        if (reader.ValueTextEquals("Infinity"u8))
        {
            return double.PositiveInfinity;
        }

        if (reader.ValueTextEquals("-Infinity"u8))
        {
            return double.NegativeInfinity;
        }

        throw Mismatch(schema, JsonTokenType.String);
    }

    private static bool IsIntegral(ReadOnlySpan<byte> raw) => raw.IndexOfAny(".eE"u8) < 0;

    private static long ParseIntegral(ReadOnlySpan<byte> raw)
    {
        if (Utf8Parser.TryParse(raw, out long value, out var consumed) && consumed == raw.Length)
        {
            return value;
        }

        return LowBits(BigInteger.Parse(Encoding.ASCII.GetString(raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    private static bool TryParseInt32(ReadOnlySpan<byte> raw, out int value)
    {
        value = 0;
        return IsIntegral(raw) && Utf8Parser.TryParse(raw, out value, out var consumed) && consumed == raw.Length;
    }

    private static double ParseDouble(ReadOnlySpan<byte> raw) => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static ConnectDecimal ParseDecimal(ReadOnlySpan<byte> raw)
    {
        Span<char> chars = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            chars[i] = (char)raw[i];
        }

        return ConnectDecimal.TryParse(chars, out var result) ? result : throw new DataException("Invalid number for Decimal field");
    }

    private static long LowBits(BigInteger value) => unchecked((long)(ulong)(value & ulong.MaxValue));
}
