using System.Globalization;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// The field-by-field scan of <c>SimpleDateFormat.parse(String, ParsePosition)</c>: spaces and tabs are skipped before
/// each field, a numeric field directly followed by another numeric field takes exactly its letter count of digits,
/// names match case-insensitively (longest wins), literals match exactly, and text after the pattern is ignored.
/// </summary>
internal sealed class SimpleDateParser(IReadOnlyList<DatePatternToken> tokens, JavaLocaleData locale, int centuryStartYear)
{
    /// <summary>Scans <paramref name="text"/> from <paramref name="index"/>; returns null on failure.</summary>
    public ParsedDateFields? Scan(string text, ref int index)
    {
        var fields = new ParsedDateFields();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsLiteral)
            {
                if (string.CompareOrdinal(text, index, token.Literal, 0, token.Count) != 0 || index + token.Count > text.Length)
                {
                    return null;
                }

                index += token.Count;
                continue;
            }

            var obeyCount = i + 1 < tokens.Count && IsNumeric(tokens[i + 1]);
            if (!ScanField(text, ref index, token, obeyCount, fields))
            {
                return null;
            }
        }

        return fields;
    }

    private static bool IsNumeric(DatePatternToken token) => token.Letter switch
    {
        'M' or 'L' => token.Count <= 2,
        'y' or 'Y' or 'd' or 'k' or 'H' or 'm' or 's' or 'S' or 'D' or 'F' or 'w' or 'W' or 'h' or 'K' or 'u' => true,
        _ => false,
    };

    private bool ScanField(string text, ref int index, DatePatternToken token, bool obeyCount, ParsedDateFields fields)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }

        if (index >= text.Length)
        {
            return false;
        }

        switch (token.Letter)
        {
            case 'G':
                return Match(text, ref index, locale.Eras, v => fields.Era = v);
            case 'M' or 'L' when token.Count >= 3:
                var full = token.Letter == 'M' ? locale.MonthGenitiveNames.Concat(locale.MonthNames) : locale.MonthNames;
                var shortNames = token.Letter == 'M' ? locale.ShortMonthGenitiveNames.Concat(locale.ShortMonthNames) : locale.ShortMonthNames;
                return Match(text, ref index, [.. full, .. shortNames], v => fields.Month = (v % 12) + 1);
            case 'E':
                return Match(text, ref index, [.. locale.DayNames, .. locale.ShortDayNames], v => fields.DayOfWeek = (v % 7) + 1);
            case 'a':
                return Match(text, ref index, locale.AmPm, v => fields.AmPm = v);
            case 'z' or 'Z':
                return ScanZone(text, ref index, fields);
            case 'X':
                return ScanIsoOffset(text, ref index, token.Count, fields);
            default:
                return ScanNumber(text, ref index, token, obeyCount, fields);
        }
    }

    private bool ScanNumber(string text, ref int index, DatePatternToken token, bool obeyCount, ParsedDateFields fields)
    {
        var start = index;
        var limit = obeyCount ? Math.Min(text.Length, index + token.Count) : text.Length;
        var negative = index < limit && text[index] == '-';
        var digitsStart = negative ? index + 1 : index;
        var end = digitsStart;
        while (end < limit && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == digitsStart || !long.TryParse(text.AsSpan(digitsStart, end - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            || parsed > int.MaxValue)
        {
            return false;
        }

        index = end;
        var value = (int)(negative ? -parsed : parsed);
        switch (token.Letter)
        {
            case 'y' or 'Y':
                if (token.Count <= 2 && end - start == 2)
                {
                    // Java resolves a two-digit year into the century starting 80 years before the formatter's creation.
                    var ambiguous = centuryStartYear % 100;
                    fields.AmbiguousTwoDigitYear = value == ambiguous;
                    value += (centuryStartYear / 100 * 100) + (value < ambiguous ? 100 : 0);
                }

                if (token.Letter == 'y')
                {
                    fields.Year = value;
                }
                else
                {
                    fields.WeekYear = value;
                }

                break;
            case 'M' or 'L':
                fields.Month = value;
                break;
            case 'd':
                fields.Day = value;
                break;
            case 'D':
                fields.DayOfYear = value;
                break;
            case 'F':
                fields.DayOfWeekInMonth = value;
                break;
            case 'w':
                fields.WeekOfYear = value;
                break;
            case 'W':
                fields.WeekOfMonth = value;
                break;
            case 'u':
                fields.DayOfWeek = value == 7 ? 1 : value + 1;
                break;
            case 'H':
                fields.HourOfDay = value;
                break;
            case 'k':
                fields.HourOfDay = value == 24 ? 0 : value;
                break;
            case 'K':
                fields.Hour = value;
                break;
            case 'h':
                fields.Hour = value == 12 ? 0 : value;
                break;
            case 'm':
                fields.Minute = value;
                break;
            case 's':
                fields.Second = value;
                break;
            default:
                // 'S' is a plain millisecond count, not a fraction: "5" is 5 ms and "123456" is 123456 ms.
                fields.Millisecond = value;
                break;
        }

        return true;
    }

    private static bool Match(string text, ref int index, IReadOnlyList<string> names, Action<int> set)
    {
        var best = -1;
        var bestLength = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.Length > bestLength && string.Compare(text, index, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && index + name.Length <= text.Length)
            {
                best = i;
                bestLength = name.Length;
            }
        }

        if (best < 0)
        {
            return false;
        }

        index += bestLength;
        set(best);
        return true;
    }

    private static bool ScanZone(string text, ref int index, ParsedDateFields fields)
    {
        if (string.Compare(text, index, "GMT", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && index + 3 <= text.Length)
        {
            index += 3;
            fields.Offset = TimeSpan.Zero;
            if (index < text.Length && text[index] is '+' or '-')
            {
                var sign = text[index] == '-' ? -1 : 1;
                index++;
                var offset = ScanOffsetDigits(text, ref index, colon: null, hoursOnly: false);
                if (offset is null)
                {
                    return false;
                }

                fields.Offset = offset.Value * sign;
            }

            return true;
        }

        if (text[index] is '+' or '-')
        {
            var sign = text[index] == '-' ? -1 : 1;
            index++;
            var offset = ScanOffsetDigits(text, ref index, colon: null, hoursOnly: false);
            fields.Offset = offset * sign;
            return offset is not null;
        }

        foreach (var (name, offset) in JavaTimeZoneNames.ParseCandidates)
        {
            if (string.Compare(text, index, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 && index + name.Length <= text.Length)
            {
                index += name.Length;
                fields.Offset = offset;
                return true;
            }
        }

        return false;
    }

    private static bool ScanIsoOffset(string text, ref int index, int count, ParsedDateFields fields)
    {
        if (text[index] == 'Z')
        {
            index++;
            fields.Offset = TimeSpan.Zero;
            return true;
        }

        if (text[index] is not ('+' or '-'))
        {
            return false;
        }

        var sign = text[index] == '-' ? -1 : 1;
        index++;
        var offset = ScanOffsetDigits(text, ref index, colon: count == 3, hoursOnly: count == 1);
        fields.Offset = offset * sign;
        return offset is not null;
    }

    /// <summary>Hours (1-2 digits, or exactly 2 for ISO forms) then optionally minutes; <paramref name="colon"/> null means optional.</summary>
    private static TimeSpan? ScanOffsetDigits(string text, ref int index, bool? colon, bool hoursOnly)
    {
        var start = index;
        while (index < text.Length && index - start < 2 && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        if (index == start || (colon is not null && index - start != 2))
        {
            return null;
        }

        var hours = int.Parse(text.AsSpan(start, index - start), CultureInfo.InvariantCulture);
        if (hours > 23)
        {
            return null;
        }

        var minutes = 0;
        if (!hoursOnly)
        {
            var save = index;
            var hasColon = index < text.Length && text[index] == ':';
            if (hasColon && colon == false)
            {
                return TimeSpan.FromHours(hours);
            }

            if (hasColon)
            {
                index++;
            }
            else if (colon == true)
            {
                return null;
            }

            if (index + 2 <= text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1]))
            {
                minutes = int.Parse(text.AsSpan(index, 2), CultureInfo.InvariantCulture);
                index += 2;
                if (minutes > 59)
                {
                    return null;
                }
            }
            else if (colon is not null || hasColon)
            {
                return null;
            }
            else
            {
                index = save;
            }
        }

        return new TimeSpan(hours, minutes, 0);
    }
}
