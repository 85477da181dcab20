using System.Globalization;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>
/// Parses PostgreSQL's text output under the session settings pinned by
/// <see cref="PostgresConnectorConfig.ConnectionString"/> (ISO dates, UTC, ISO-8601 intervals, hex bytea).
/// </summary>
internal static class PgText
{
    private const long MicrosPerDay = 86_400_000_000L;

    /// <summary>Days since 1970-01-01; BC years use astronomical numbering (1 BC = year 0).</summary>
    public static int ParseEpochDay(string text)
    {
        var bc = text.EndsWith(" BC", StringComparison.Ordinal);
        var core = bc ? text[..^3] : text;
        var parts = core.Split('-');
        if (parts.Length != 3)
        {
            throw Invalid("date", text);
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var day = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (bc)
        {
            year = 1 - year;
        }

        return (int)DaysSinceEpoch(year, month, day);
    }

    /// <summary>Microseconds past midnight of <c>HH:MM:SS[.ffffff]</c> (24:00:00 allowed).</summary>
    public static long ParseMicrosOfDay(ReadOnlySpan<char> text)
    {
        var hours = int.Parse(text[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(text[3..5], CultureInfo.InvariantCulture);
        var seconds = int.Parse(text[6..8], CultureInfo.InvariantCulture);
        long micros = 0;
        if (text.Length > 8 && text[8] == '.')
        {
            var fraction = text[9..];
            var digits = 0;
            foreach (var c in fraction)
            {
                if (!char.IsAsciiDigit(c) || digits == 6)
                {
                    break;
                }

                micros = (micros * 10) + (c - '0');
                digits++;
            }

            for (; digits < 6; digits++)
            {
                micros *= 10;
            }
        }

        return ((((hours * 60L) + minutes) * 60L) + seconds) * 1_000_000L + micros;
    }

    /// <summary>Length of the <c>HH:MM:SS[.ffffff]</c> prefix.</summary>
    public static int TimeLength(ReadOnlySpan<char> text)
    {
        var i = 8;
        if (text.Length > 8 && text[8] == '.')
        {
            i = 9;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>Microseconds since the epoch of <c>YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]</c>, shifted to UTC.</summary>
    public static long ParseEpochMicros(string text)
    {
        var bc = text.EndsWith(" BC", StringComparison.Ordinal);
        var core = bc ? text[..^3] : text;
        var space = core.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw Invalid("timestamp", text);
        }

        var day = ParseEpochDay(core[..space] + (bc ? " BC" : string.Empty));
        var time = core.AsSpan(space + 1);
        var timeLength = TimeLength(time);
        var micros = (day * MicrosPerDay) + ParseMicrosOfDay(time[..timeLength]);
        return micros - ParseOffsetSeconds(time[timeLength..]) * 1_000_000L;
    }

    /// <summary>Seconds east of UTC of <c>+HH[:MM[:SS]]</c>; empty means UTC.</summary>
    public static long ParseOffsetSeconds(ReadOnlySpan<char> offset)
    {
        if (offset.IsEmpty)
        {
            return 0;
        }

        var sign = offset[0] == '-' ? -1 : 1;
        var parts = offset[1..].ToString().Split(':');
        long seconds = int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600L;
        if (parts.Length > 1)
        {
            seconds += int.Parse(parts[1], CultureInfo.InvariantCulture) * 60L;
        }

        if (parts.Length > 2)
        {
            seconds += int.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        return sign * seconds;
    }

    /// <summary>Bytes of hex <c>bytea</c> output (<c>\x0a0b</c>).</summary>
    public static byte[] ParseBytea(string text)
    {
        if (!text.StartsWith("\\x", StringComparison.Ordinal))
        {
            throw Invalid("bytea (bytea_output must be hex)", text);
        }

        return Convert.FromHexString(text.AsSpan(2));
    }

    /// <summary>Elements of a one-dimensional array literal; null elements are null.</summary>
    public static List<string?> ParseArray(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0 || text[^1] != '}')
        {
            throw Invalid("array", text);
        }

        var result = new List<string?>();
        var i = start + 1;
        if (text[i] == '}')
        {
            return result;
        }

        var builder = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '{')
            {
                throw new DataException($"Multi-dimensional arrays are not supported: {text}");
            }

            builder.Clear();
            var quoted = text[i] == '"';
            if (quoted)
            {
                i++;
                while (text[i] != '"')
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }

                    builder.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (text[i] != ',' && text[i] != '}')
                {
                    builder.Append(text[i++]);
                }
            }

            var element = builder.ToString();
            result.Add(!quoted && element == "NULL" ? null : element);
            i++;
        }

        return result;
    }

    /// <summary>Entries of hstore output: <c>"k"=>"v", "k2"=>NULL</c>.</summary>
    public static List<KeyValuePair<string, string?>> ParseHStore(string text)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or ',')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var key = ReadQuoted(text, ref i);
            i += 2; // =>
            string? value;
            if (text[i] == '"')
            {
                value = ReadQuoted(text, ref i);
            }
            else
            {
                i += 4; // NULL
                value = null;
            }

            result.Add(new KeyValuePair<string, string?>(key, value));
        }

        return result;
    }

    public static DataException Invalid(string type, string text) => new($"Cannot decode PostgreSQL {type} value '{text}'");

    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new System.Text.StringBuilder();
        i++;
        while (text[i] != '"')
        {
            if (text[i] == '\\')
            {
                i++;
            }

            builder.Append(text[i++]);
        }

        i++;
        return builder.ToString();
    }

    // Proleptic Gregorian days since 1970-01-01 for any year, including year 0 and negative years (H. Hinnant's algorithm).
    private static long DaysSinceEpoch(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yoe = year - (era * 400);
        var doy = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }
}
