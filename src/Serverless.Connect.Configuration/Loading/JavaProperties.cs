using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Serverless.Connect.Configuration.Loading;

/// <summary>Parses text with the full syntax of Java's <c>Properties.load</c>.</summary>
/// <remarks>
/// Separators <c>=</c>, <c>:</c> or whitespace; <c>#</c>/<c>!</c> comment lines; <c>\</c> line continuations (leading
/// whitespace of the continued line is dropped); escapes <c>\t \n \r \f \uXXXX</c>, any other escaped char stands for
/// itself. Duplicate keys: the last value wins, at the position of the first occurrence.
/// </remarks>
public static class JavaProperties
{
    /// <summary>Parses properties text into an ordered map.</summary>
    /// <param name="text">The file contents.</param>
    /// <returns>The entries in file order.</returns>
    /// <exception cref="ConfigException">A <c>\u</c> escape is malformed (the message names the line).</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, lineNumber) in LogicalLines(text))
        {
            var (key, value) = SplitKeyValue(line, lineNumber);
            result[key] = value;
        }

        return new ReadOnlyDictionary<string, string>(result);
    }

    /// <summary>Escapes a key or value so that <see cref="Parse"/> reads it back unchanged.</summary>
    /// <param name="value">The raw text.</param>
    /// <param name="isKey">Whether separators and spaces must be escaped too.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string value, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\f': sb.Append(@"\f"); break;
                case ' ' when isKey || i == 0: sb.Append(@"\ "); break;
                case '=' or ':' or '#' or '!': sb.Append('\\').Append(c); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        sb.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    // Java's LineReader: joins continued natural lines into logical lines and drops comments and blank lines.
    private static IEnumerable<(string Line, int LineNumber)> LogicalLines(string text)
    {
        var i = 0;
        var lineNumber = 1;
        while (i < text.Length)
        {
            // Skip whitespace and blank lines before a logical line starts.
            while (i < text.Length && (IsBlank(text[i]) || text[i] is '\r' or '\n'))
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    lineNumber++;
                }

                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            var startLine = lineNumber;
            if (text[i] is '#' or '!')
            {
                while (i < text.Length && text[i] is not ('\r' or '\n'))
                {
                    i++;
                }

                continue;
            }

            var sb = new StringBuilder();
            var precedingBackslash = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (c is '\r' or '\n')
                {
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    lineNumber++;
                    if (!precedingBackslash)
                    {
                        break;
                    }

                    // Continuation: drop the backslash and the next line's leading whitespace.
                    sb.Length--;
                    precedingBackslash = false;
                    while (i < text.Length && IsBlank(text[i]))
                    {
                        i++;
                    }

                    continue;
                }

                precedingBackslash = c == '\\' && !precedingBackslash;
                sb.Append(c);
                i++;
            }

            if (precedingBackslash && i >= text.Length)
            {
                sb.Length--;
            }

            yield return (sb.ToString(), startLine);
        }
    }

    private static (string Key, string Value) SplitKeyValue(string line, int lineNumber)
    {
        var keyLength = 0;
        var valueStart = line.Length;
        var hasSeparator = false;
        var precedingBackslash = false;
        while (keyLength < line.Length)
        {
            var c = line[keyLength];
            if (c is '=' or ':' && !precedingBackslash)
            {
                valueStart = keyLength + 1;
                hasSeparator = true;
                break;
            }

            if (IsBlank(c) && !precedingBackslash)
            {
                valueStart = keyLength + 1;
                break;
            }

            precedingBackslash = c == '\\' && !precedingBackslash;
            keyLength++;
        }

        while (valueStart < line.Length)
        {
            var c = line[valueStart];
            if (!IsBlank(c))
            {
                if (!hasSeparator && c is '=' or ':')
                {
                    hasSeparator = true;
                }
                else
                {
                    break;
                }
            }

            valueStart++;
        }

        return (Unescape(line, 0, keyLength, lineNumber), Unescape(line, valueStart, line.Length - valueStart, lineNumber));
    }

    private static string Unescape(string line, int offset, int length, int lineNumber)
    {
        var sb = new StringBuilder(length);
        var end = offset + length;
        var i = offset;
        while (i < end)
        {
            var c = line[i++];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= end)
            {
                break;
            }

            c = line[i++];
            if (c == 'u')
            {
                if (i + 4 > end || !int.TryParse(line.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw new ConfigException($"Malformed \\uxxxx encoding on line {lineNumber.ToString(CultureInfo.InvariantCulture)}.");
                }

                sb.Append((char)code);
                i += 4;
                continue;
            }

            sb.Append(c switch
            {
                't' => '\t',
                'r' => '\r',
                'n' => '\n',
                'f' => '\f',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
