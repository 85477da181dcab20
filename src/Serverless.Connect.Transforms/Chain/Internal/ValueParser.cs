using System.Globalization;
using System.Numerics;
using Serverless.Connect.Data;
using Serverless.Connect.Errors;
using Serverless.Connect.Text;

namespace Serverless.Connect.Transforms.Chain.Internal;

/// <summary>
/// Kafka's <c>Values.parseString</c> (Kafka 3.9+/4.x behaviour, including the KAFKA-17792 number guard): infers a
/// schema and value from text, e.g. <c>1234</c> → INT16, <c>true</c> → BOOLEAN, <c>[1, 2]</c> → ARRAY of INT8,
/// <c>{"a": 1.5}</c> → MAP of STRING to FLOAT32, <c>2024-01-31</c> → Date; anything else stays the original STRING.
/// </summary>
/// <remarks>
/// Differences forced by the data model: arrays and maps whose elements have no common schema (Kafka gives them a schema
/// without element schema) and values Kafka would store inconsistently with their schema get a null schema here;
/// temporal literals are parsed in UTC (Kafka uses the JVM zone); lenient dates outside the logical type's range are
/// not treated as temporal.
/// </remarks>
internal sealed class ValueParser
{
    private const string TimePattern = "HH:mm:ss.SSS'Z'";
    private const string TimestampPattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private const string DatePattern = "yyyy-MM-dd";
    private const int TimeLength = 13;
    private const int TimestampLength = 24;
    private const int DateLength = 10;
    private const long MillisPerDay = 86_400_000;

    private static readonly SchemaAndValue s_true = new(Schema.BooleanSchema, true);
    private static readonly SchemaAndValue s_false = new(Schema.BooleanSchema, false);
    private static readonly JavaSimpleDateFormat s_time = new(TimePattern, TimeZoneInfo.Utc);
    private static readonly JavaSimpleDateFormat s_timestamp = new(TimestampPattern, TimeZoneInfo.Utc);
    private static readonly JavaSimpleDateFormat s_date = new(DatePattern, TimeZoneInfo.Utc);

    private readonly ValueTokenizer _parser;

    private ValueParser(string text)
    {
        _parser = new ValueTokenizer(text);
    }

    /// <summary>Parses like <c>Values.parseString</c>; the <c>null</c> literal gives <see cref="SchemaAndValue.Null"/>.</summary>
    public static SchemaAndValue ParseString(string? value)
    {
        if (value is null)
        {
            return SchemaAndValue.Null;
        }

        if (value.Length == 0)
        {
            return new SchemaAndValue(Schema.StringSchema, value);
        }

        var parsed = new ValueParser(value).Parse(embedded: false) ?? SchemaAndValue.Null;
        return parsed.Schema is null || IsValid(parsed) ? parsed : parsed with { Schema = null };
    }

    private static bool IsValid(SchemaAndValue parsed)
    {
        try
        {
            Schema.ValidateValue("value", parsed.Schema!, parsed.Value);
            return true;
        }
        catch (DataException)
        {
            return false;
        }
    }

    private SchemaAndValue? Parse(bool embedded)
    {
        if (!_parser.HasNext)
        {
            return null;
        }

        if (embedded && _parser.CanConsume("\""))
        {
            return ParseQuotedString();
        }

        if (CanParseSingleTokenLiteral(embedded, "null"))
        {
            return null;
        }

        if (CanParseSingleTokenLiteral(embedded, "true"))
        {
            return s_true;
        }

        if (CanParseSingleTokenLiteral(embedded, "false"))
        {
            return s_false;
        }

        var start = _parser.Mark();
        try
        {
            if (_parser.CanConsume("["))
            {
                return ParseArray();
            }

            if (_parser.CanConsume("{"))
            {
                return ParseMap();
            }
        }
        catch (DataException)
        {
            // Not a well-formed array or map: Kafka falls back to reading the text as a single value.
            _parser.RewindTo(start);
        }

        var token = _parser.Next();
        return ValueTokenizer.IsBlank(token)
            ? new SchemaAndValue(Schema.StringSchema, token)
            : ParseNextToken(embedded, ValueTokenizer.JavaTrim(token));
    }

    private bool CanParseSingleTokenLiteral(bool embedded, string literal)
    {
        var start = _parser.Mark();
        // At top level "true}" must stay a string, so the literal only counts when nothing follows it.
        if (_parser.CanConsume(literal) && (embedded || !_parser.HasNext))
        {
            return true;
        }

        _parser.RewindTo(start);
        return false;
    }

    private SchemaAndValue ParseNextToken(bool embedded, string token)
    {
        var first = token[0];
        var firstIsDigit = char.IsDigit(first);
        if (firstIsDigit && ParseMultipleTokensAsTemporal(token) is { } temporal)
        {
            return temporal;
        }

        if ((firstIsDigit || first is '+' or '-') && ParseAsNumber(token) is { } number)
        {
            return number;
        }

        return embedded
            ? throw new DataException("Failed to parse embedded value")
            : new SchemaAndValue(Schema.StringSchema, _parser.Original);
    }

    private SchemaAndValue ParseQuotedString()
    {
        var content = new System.Text.StringBuilder();
        while (_parser.HasNext)
        {
            if (_parser.CanConsume("\""))
            {
                break;
            }

            content.Append(_parser.Next());
        }

        var text = content.ToString();
        return ParseAsTemporal(text) ?? new SchemaAndValue(Schema.StringSchema, text);
    }

    private SchemaAndValue ParseArray()
    {
        var result = new List<object?>();
        var elementSchema = new ValueSchemaMerger();
        while (_parser.HasNext)
        {
            if (_parser.CanConsume("]"))
            {
                if (elementSchema.Common is not { } common)
                {
                    return new SchemaAndValue(null, Array.AsReadOnly(result.ToArray()));
                }

                var aligned = result.Select(v => ValueSchemaMerger.ConvertTo(common, v)).ToArray();
                return new SchemaAndValue(SchemaBuilder.Array(common).Build(), Array.AsReadOnly(aligned));
            }

            if (_parser.CanConsume(","))
            {
                throw new DataException("Unable to parse an empty array element: " + _parser.Original);
            }

            var element = Parse(embedded: true);
            elementSchema.Merge(element);
            result.Add(element?.Value);
            var current = _parser.Mark();
            if (_parser.CanConsume("]"))
            {
                _parser.RewindTo(current);
            }
            else if (!_parser.CanConsume(","))
            {
                throw new DataException("Array elements missing ',' delimiter");
            }
        }

        throw new DataException(_parser.Previous == ","
            ? "Array is missing element after ',': " + _parser.Original
            : "Array is missing terminating ']': " + _parser.Original);
    }

    private SchemaAndValue ParseMap()
    {
        var entries = new List<KeyValuePair<object, object?>>();
        var keySchema = new ValueSchemaMerger();
        var valueSchema = new ValueSchemaMerger();
        while (_parser.HasNext)
        {
            if (_parser.CanConsume("}"))
            {
                return BuildMap(entries, keySchema.Common, valueSchema.Common);
            }

            if (_parser.CanConsume(","))
            {
                throw new DataException("Unable to parse a map entry with no key or value: " + _parser.Original);
            }

            var key = Parse(embedded: true);
            if (key?.Value is not { } keyValue)
            {
                throw new DataException("Map entry may not have a null key: " + _parser.Original);
            }

            if (!_parser.CanConsume(":"))
            {
                throw new DataException($"Map entry is missing ':' at {_parser.Position} in {_parser.Original}");
            }

            var value = Parse(embedded: true);
            entries.Add(new KeyValuePair<object, object?>(keyValue, value?.Value));
            _parser.CanConsume(",");
            keySchema.Merge(key);
            valueSchema.Merge(value);
        }

        throw new DataException(_parser.Previous == ","
            ? "Map is missing element after ',': " + _parser.Original
            : "Map is missing terminating '}': " + _parser.Original);
    }

    private static SchemaAndValue BuildMap(List<KeyValuePair<object, object?>> entries, Schema? keySchema, Schema? valueSchema)
    {
        if (keySchema is null)
        {
            return new SchemaAndValue(null, ConnectMap.Create(entries));
        }

        var aligned = entries.Select(e => new KeyValuePair<object, object?>(
            ValueSchemaMerger.ConvertTo(keySchema, e.Key)!,
            valueSchema is null ? e.Value : ValueSchemaMerger.ConvertTo(valueSchema, e.Value)));
        var map = ConnectMap.Create(aligned);
        // Kafka gives a map with only null values a schema without value schema, which Connect schemas here cannot hold.
        return valueSchema is null
            ? new SchemaAndValue(null, map)
            : new SchemaAndValue(SchemaBuilder.Map(keySchema, valueSchema).Build(), map);
    }

    private SchemaAndValue? ParseMultipleTokensAsTemporal(string token)
    {
        // An unescaped colon is a delimiter, so a time or timestamp arrives as five tokens starting with this one.
        var position = _parser.Mark();
        if (_parser.Next(4) is { } remainder && ParseAsTemporal(token + remainder) is { } temporal)
        {
            return temporal;
        }

        _parser.RewindTo(position);
        return ParseAsTemporal(token);
    }

    private static SchemaAndValue? ParseAsTemporal(string token)
    {
        var text = token.Replace("\\:", ":", StringComparison.Ordinal);
        return text.Length switch
        {
            TimeLength when s_time.TryParse(text, out var millis) && millis is >= 0 and < MillisPerDay =>
                new SchemaAndValue(TimeSchema.Schema, TimeOnly.FromTimeSpan(TimeSpan.FromMilliseconds(millis))),
            TimestampLength when s_timestamp.TryParse(text, out var millis) && TryInstant(millis, out var instant) =>
                new SchemaAndValue(TimestampSchema.Schema, instant),
            DateLength when s_date.TryParse(text, out var millis) && TryInstant(millis, out var instant) =>
                new SchemaAndValue(DateSchema.Schema, DateOnly.FromDateTime(instant.UtcDateTime)),
            _ => null,
        };
    }

    private static bool TryInstant(long millis, out DateTimeOffset instant)
    {
        if (millis < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            instant = default;
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return true;
    }

    private static SchemaAndValue? ParseAsNumber(string token)
    {
        if (!ConnectDecimal.TryParse(token, out var decimalValue))
        {
            return null;
        }

        if (ParseAsExactInteger(decimalValue) is { } exact)
        {
            return exact;
        }

        if (decimalValue.Scale != 0)
        {
            var single = float.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!float.IsInfinity(single))
            {
                return new SchemaAndValue(Schema.Float32Schema, single);
            }

            var dbl = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsInfinity(dbl))
            {
                return new SchemaAndValue(Schema.Float64Schema, dbl);
            }
        }

        return new SchemaAndValue(DecimalSchema.Create(decimalValue.Scale), decimalValue);
    }

    private static SchemaAndValue? ParseAsExactInteger(ConnectDecimal value)
    {
        if (value.Unscaled.IsZero)
        {
            return new SchemaAndValue(Schema.Int8Schema, (sbyte)0);
        }

        // KAFKA-17792: huge exponents must not be expanded, so values below 1 or beyond 1e19 are rejected first.
        var magnitude = BigInteger.Abs(value.Unscaled);
        if (value.Scale > 0)
        {
            if (value.Scale >= magnitude.ToString(CultureInfo.InvariantCulture).Length)
            {
                return null;
            }

            var quotient = BigInteger.DivRem(magnitude, BigInteger.Pow(10, value.Scale), out var remainder);
            if (!remainder.IsZero)
            {
                return null;
            }

            magnitude = quotient;
        }
        else if (value.Scale < 0)
        {
            if (-(long)value.Scale > 19)
            {
                return null;
            }

            magnitude *= BigInteger.Pow(10, -value.Scale);
        }

        var integral = value.Unscaled.Sign < 0 ? -magnitude : magnitude;
        if (integral < long.MinValue || integral > long.MaxValue)
        {
            return null;
        }

        var number = (long)integral;
        return number switch
        {
            >= sbyte.MinValue and <= sbyte.MaxValue => new SchemaAndValue(Schema.Int8Schema, (sbyte)number),
            >= short.MinValue and <= short.MaxValue => new SchemaAndValue(Schema.Int16Schema, (short)number),
            >= int.MinValue and <= int.MaxValue => new SchemaAndValue(Schema.Int32Schema, (int)number),
            _ => new SchemaAndValue(Schema.Int64Schema, number),
        };
    }
}
