using System.Globalization;
using System.Text;
using Serverless.Connect.Data;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>Chooses each column's schema and decoder following Debezium's PostgresValueConverter.</summary>
internal sealed class ValueConverterFactory
{
    // Debezium's encodings of PostgreSQL's +/-infinity timestamps.
    private const long PositiveInfinity = 9223372036825200000L;
    private const long NegativeInfinity = -9223372036832400000L;

    private readonly PostgresConnectorConfig _config;
    private readonly TypeRegistry _types;

    public ValueConverterFactory(PostgresConnectorConfig config, TypeRegistry types)
    {
        _config = config;
        _types = types;
    }

    /// <summary>The converter for a column, or null when Debezium would drop the column (unsupported type).</summary>
    public ColumnConverter? Create(ColumnInfo column)
    {
        var type = _types.Find(column.TypeOid);
        if (type is null)
        {
            return null;
        }

        var built = Build(type, column.TypeModifier, depth: 0);
        if (built is null)
        {
            return null;
        }

        var (builder, decode) = built.Value;
        if (column.Optional)
        {
            builder.Optional();
        }

        if (ColumnDefaults.Literal(column.DefaultExpression, builder.Type) is { } literal
            && builder.Build().Name != DebeziumData.VariableScaleDecimalName)
        {
            try
            {
                builder.DefaultValue(decode(literal));
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or Errors.DataException or IndexOutOfRangeException)
            {
                // Debezium also leaves out defaults it cannot convert.
            }
        }

        var schema = builder.Build();
        return new ColumnConverter(schema, BindToSchema(schema, decode), FallbackFor(schema), PlaceholderFor(schema));
    }

    private (SchemaBuilder Builder, Func<string, object?> Decode)? Build(PgTypeInfo type, int typmod, int depth)
    {
        if (type.Kind == 'd')
        {
            var baseType = _types.Find(type.BaseTypeOid);
            return baseType is null || depth > 8 ? null : Build(baseType, type.BaseTypeModifier >= 0 ? type.BaseTypeModifier : typmod, depth + 1);
        }

        if (type.Kind == 'e')
        {
            return (DebeziumData.Enum(type.EnumLabels), static s => s);
        }

        if (type.Kind == 'r')
        {
            return (SchemaBuilder.String(), static s => s);
        }

        if (type.ElementOid != 0 && type.Name.StartsWith('_'))
        {
            return BuildArray(type, typmod, depth);
        }

        if (type.Namespace != "pg_catalog")
        {
            return type.Name switch
            {
                "citext" => (SchemaBuilder.String(), static s => s),
                "ltree" => (DebeziumData.Ltree(), static s => s),
                "hstore" => BuildHStore(),
                _ => null,
            };
        }

        return type.Name switch
        {
            "bool" => (SchemaBuilder.Bool(), static s => s == "t"),
            "bit" when typmod <= 1 => (SchemaBuilder.Bool(), static s => s == "1"),
            "bit" or "varbit" => (DebeziumData.Bits(Math.Max(typmod, 1)), static s => BitsToBytes(s)),
            "int2" => (SchemaBuilder.Int16(), static s => short.Parse(s, CultureInfo.InvariantCulture)),
            "int4" => (SchemaBuilder.Int32(), static s => int.Parse(s, CultureInfo.InvariantCulture)),
            "int8" or "oid" => (SchemaBuilder.Int64(), static s => long.Parse(s, CultureInfo.InvariantCulture)),
            "float4" => (SchemaBuilder.Float32(), static s => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            "float8" => (SchemaBuilder.Float64(), static s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)),
            "text" or "varchar" or "bpchar" or "char" or "name" or "inet" or "cidr" or "macaddr" or "macaddr8" =>
                (SchemaBuilder.String(), static s => s),
            "numeric" => BuildNumeric(typmod),
            "money" => BuildMoney(),
            "bytea" => BuildBinary(),
            "date" => BuildDate(),
            "time" => BuildTime(typmod),
            "timetz" => (DebeziumTime.ZonedTime(), static s => FormatZonedTime(s)),
            "timestamp" => BuildTimestamp(typmod),
            "timestamptz" => (DebeziumTime.ZonedTimestamp(), static s => FormatZonedTimestamp(s)),
            "interval" => BuildInterval(),
            "uuid" => (DebeziumData.Uuid(), static s => s),
            "json" or "jsonb" => (DebeziumData.Json(), static s => s),
            "xml" => (DebeziumData.Xml(), static s => s),
            _ => null,
        };
    }

    private (SchemaBuilder, Func<string, object?>)? BuildArray(PgTypeInfo type, int typmod, int depth)
    {
        var element = _types.Find(type.ElementOid);
        if (element is null || element.Name is "money" or "name" or "interval" or "varbit" or "xml" or "point")
        {
            return null;
        }

        var built = Build(element, typmod, depth + 1);
        if (built is null)
        {
            return null;
        }

        var (elementBuilder, decodeRaw) = built.Value;
        var elementSchema = elementBuilder.Optional().Build();
        var decodeElement = BindToSchema(elementSchema, decodeRaw);
        return (SchemaBuilder.Array(elementSchema), s =>
        {
            var items = PgText.ParseArray(s);
            var values = new object?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                values[i] = items[i] is { } item ? decodeElement(item) : null;
            }

            return values;
        });
    }

    private (SchemaBuilder, Func<string, object?>) BuildNumeric(int typmod)
    {
        var hasScale = typmod >= 4;
        var precision = hasScale ? ((typmod - 4) >> 16) & 0xFFFF : 0;
        var scale = hasScale ? (short)((typmod - 4) & 0xFFFF) : 0;
        switch (_config.DecimalHandlingMode)
        {
            case DecimalHandlingMode.Double:
                return (SchemaBuilder.Float64(), static s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
            case DecimalHandlingMode.String:
                return (SchemaBuilder.String(), static s => s == "NaN" ? "NAN" : s);
            default:
                if (hasScale)
                {
                    return (DebeziumData.PreciseDecimal(precision, scale), s => s == "NaN" ? null : ConnectDecimal.Parse(s).Rescale(scale));
                }

                // Decoded as ConnectDecimal; BindToSchema wraps it in the struct once the final (optional or not) schema exists.
                return (DebeziumData.VariableScaleDecimal(), static s => s == "NaN" ? null : ConnectDecimal.Parse(s));
        }
    }

    private (SchemaBuilder, Func<string, object?>) BuildMoney()
    {
        static string Digits(string s)
        {
            var builder = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                if (char.IsAsciiDigit(c) || c is '.' or '-')
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        return _config.DecimalHandlingMode switch
        {
            DecimalHandlingMode.Double => (SchemaBuilder.Float64(), s => double.Parse(Digits(s), CultureInfo.InvariantCulture)),
            DecimalHandlingMode.String => (SchemaBuilder.String(), s => Digits(s)),
            _ => (DecimalSchema.Builder(2), s => ConnectDecimal.Parse(Digits(s)).Rescale(2)),
        };
    }

    private (SchemaBuilder, Func<string, object?>) BuildBinary() => _config.BinaryHandlingMode switch
    {
        BinaryHandlingMode.Base64 => (SchemaBuilder.String(), static s => Convert.ToBase64String(PgText.ParseBytea(s))),
        BinaryHandlingMode.Base64UrlSafe => (SchemaBuilder.String(),
            static s => Convert.ToBase64String(PgText.ParseBytea(s)).Replace('+', '-').Replace('/', '_')),
        BinaryHandlingMode.Hex => (SchemaBuilder.String(), static s => s[2..].ToLowerInvariant()),
        _ => (SchemaBuilder.Bytes(), static s => PgText.ParseBytea(s)),
    };

    private (SchemaBuilder, Func<string, object?>) BuildDate()
    {
        if (_config.TimePrecisionMode == TimePrecisionMode.Connect)
        {
            return (DateSchema.Builder(), static s => DateOnly.FromDayNumber(PgText.ParseEpochDay(s) + 719162));
        }

        return (DebeziumTime.Date(), static s => s switch
        {
            "infinity" => int.MaxValue,
            "-infinity" => int.MinValue,
            _ => PgText.ParseEpochDay(s),
        });
    }

    private (SchemaBuilder, Func<string, object?>) BuildTime(int typmod)
    {
        var precision = typmod < 0 ? 6 : typmod;
        return _config.TimePrecisionMode switch
        {
            TimePrecisionMode.Connect => (TimeSchema.Builder(),
                static s => TimeOnly.FromTimeSpan(TimeSpan.FromTicks(Math.Min(PgText.ParseMicrosOfDay(s), 86_399_999_999L) * 10))),
            TimePrecisionMode.Adaptive when precision <= 3 => (DebeziumTime.Time(), static s => (int)(PgText.ParseMicrosOfDay(s) / 1000)),
            _ => (DebeziumTime.MicroTime(), static s => PgText.ParseMicrosOfDay(s)),
        };
    }

    private (SchemaBuilder, Func<string, object?>) BuildTimestamp(int typmod)
    {
        var precision = typmod < 0 ? 6 : typmod;
        if (_config.TimePrecisionMode == TimePrecisionMode.Connect)
        {
            return (TimestampSchema.Builder(), static s => DateTimeOffset.UnixEpoch.AddTicks(FloorDiv(PgText.ParseEpochMicros(s), 1000) * 10_000));
        }

        if (precision <= 3)
        {
            return (DebeziumTime.Timestamp(), static s => s switch
            {
                "infinity" => PositiveInfinity,
                "-infinity" => NegativeInfinity,
                _ => FloorDiv(PgText.ParseEpochMicros(s), 1000),
            });
        }

        return (DebeziumTime.MicroTimestamp(), static s => s switch
        {
            "infinity" => PositiveInfinity,
            "-infinity" => NegativeInfinity,
            _ => PgText.ParseEpochMicros(s),
        });
    }

    private (SchemaBuilder, Func<string, object?>) BuildInterval() => _config.IntervalHandlingMode == IntervalHandlingMode.String
        ? (DebeziumTime.Interval(), static s => PgInterval.Parse(s).ToIsoString())
        : (DebeziumTime.MicroDuration(), static s => PgInterval.Parse(s).ToMicros());

    private (SchemaBuilder, Func<string, object?>) BuildHStore()
    {
        if (_config.HStoreHandlingMode == HStoreHandlingMode.Map)
        {
            return (SchemaBuilder.Map(Schema.StringSchema, Schema.OptionalStringSchema), static s =>
            {
                var map = new Dictionary<object, object?>();
                foreach (var (key, value) in PgText.ParseHStore(s))
                {
                    map[key] = value;
                }

                return map;
            });
        }

        return (DebeziumData.Json(), static s => HStoreJson(s));
    }

    private static Func<string, object?> BindToSchema(Schema schema, Func<string, object?> decode) =>
        schema.Name == DebeziumData.VariableScaleDecimalName
            ? s => decode(s) is ConnectDecimal value ? DebeziumData.ToVariableScaleDecimal(schema, value) : null
            : decode;

    private static string HStoreJson(string s)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in PgText.ParseHStore(s))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string FormatZonedTimestamp(string s) => s switch
    {
        "infinity" or "-infinity" => s,
        _ => TryFormatUtcTimestamp(s) ?? DebeziumTime.FormatZonedTimestamp(DateTimeOffset.UnixEpoch.AddTicks(PgText.ParseEpochMicros(s) * 10)),
    };

    // The common case, once per timestamptz value: the session's TimeZone is UTC, so PostgreSQL writes
    // "YYYY-MM-DD HH:MM:SS[.f…]+00" and the Debezium text is the same digits as "YYYY-MM-DDTHH:MM:SS.ffffffZ".
    // Anything else (BC, years past 9999, other offsets) takes the general path.
    private static string? TryFormatUtcTimestamp(string s)
    {
        const int Plain = 22; // "2026-12-01 08:33:29+00"
        if (s.Length < Plain || s.Length > Plain + 7 || s.Length == Plain + 1 || !s.EndsWith("+00", StringComparison.Ordinal) ||
            s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || (s.Length > Plain && s[19] != '.'))
        {
            return null;
        }

        for (var i = 0; i < s.Length - 3; i++)
        {
            if (i is not (4 or 7 or 10 or 13 or 16 or 19) && !char.IsAsciiDigit(s[i]))
            {
                return null;
            }
        }

        return string.Create(27, s, static (span, text) =>
        {
            text.AsSpan(0, 19).CopyTo(span);
            span[10] = 'T';
            span[19] = '.';
            var fraction = text.Length > Plain ? text.AsSpan(20, text.Length - 23) : [];
            fraction.CopyTo(span[20..]);
            span[(20 + fraction.Length)..26].Fill('0');
            span[26] = 'Z';
        });
    }

    private static string FormatZonedTime(string s)
    {
        var length = PgText.TimeLength(s);
        var micros = PgText.ParseMicrosOfDay(s.AsSpan(0, length)) - (PgText.ParseOffsetSeconds(s.AsSpan(length)) * 1_000_000L);
        micros = ((micros % 86_400_000_000L) + 86_400_000_000L) % 86_400_000_000L;
        var time = TimeSpan.FromTicks(micros * 10);
        var text = time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var fraction = micros % 1_000_000L;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "Z";
    }

    private static byte[] BitsToBytes(string bits)
    {
        // Debezium writes the bit string as a little-endian unsigned integer, one byte per started 8 bits.
        var bytes = new byte[(bits.Length + 7) / 8];
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[bits.Length - 1 - i] == '1')
            {
                bytes[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return bytes;
    }

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
    }

    private object? PlaceholderFor(Schema schema) => schema.Type switch
    {
        SchemaType.String => _config.UnavailableValuePlaceholder,
        SchemaType.Bytes when schema.Name is null => Encoding.UTF8.GetBytes(_config.UnavailableValuePlaceholder),
        SchemaType.Array when schema.ValueSchema!.Type == SchemaType.String => new object?[] { _config.UnavailableValuePlaceholder },
        SchemaType.Map => new Dictionary<object, object?> { [_config.UnavailableValuePlaceholder] = _config.UnavailableValuePlaceholder },
        _ => null,
    };

    private static object? FallbackFor(Schema schema)
    {
        if (schema.IsOptional)
        {
            return null;
        }

        return schema.Name switch
        {
            DecimalSchema.LogicalName => new ConnectDecimal(0, int.Parse(schema.Parameters!["scale"], CultureInfo.InvariantCulture)),
            DebeziumData.VariableScaleDecimalName => DebeziumData.ToVariableScaleDecimal(schema, new ConnectDecimal(0, 0)),
            DateSchema.LogicalName => DateOnly.FromDayNumber(719162),
            TimeSchema.LogicalName => TimeOnly.MinValue,
            TimestampSchema.LogicalName => DateTimeOffset.UnixEpoch,
            _ => schema.Type switch
            {
                SchemaType.Boolean => false,
                SchemaType.Int16 => (short)0,
                SchemaType.Int32 => 0,
                SchemaType.Int64 => 0L,
                SchemaType.Float32 => 0f,
                SchemaType.Float64 => 0d,
                SchemaType.String => string.Empty,
                SchemaType.Bytes => Array.Empty<byte>(),
                SchemaType.Array => Array.Empty<object?>(),
                SchemaType.Map => new Dictionary<object, object?>(),
                _ => null,
            },
        };
    }
}
