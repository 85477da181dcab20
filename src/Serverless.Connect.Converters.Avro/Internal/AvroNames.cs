using System.Globalization;
using System.Text;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Avro.Internal;

/// <summary>Avro name handling: splitting full names, Confluent's <c>scrub.invalid.names</c> rewriting and validation.</summary>
internal static class AvroNames
{
    /// <summary>Rewrites a name like Confluent's <c>AvroData.doScrubName</c>: URL-encode, prefix <c>x</c> before a digit, then map every other invalid character to <c>_</c>.</summary>
    public static string Scrub(string name)
    {
        if (name.Length == 0 || IsSimpleValid(name))
        {
            return name;
        }

        var encoded = UrlEncode(name);
        if (encoded.Length > 0 && char.IsAsciiDigit(encoded[0]))
        {
            encoded = "x" + encoded;
        }

        var chars = encoded.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsSimpleChar(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    public static string ScrubIf(string name, bool scrub) => scrub ? Scrub(name) : name;

    /// <summary>Splits a dotted name into namespace (or <see langword="null"/>) and simple name, scrubbing each part when asked.</summary>
    public static (string? Namespace, string Name) Split(string fullName, bool scrub)
    {
        var parts = fullName.Split('.');
        var count = parts.Length;

        // Java's String.split drops trailing empty strings.
        while (count > 1 && parts[count - 1].Length == 0)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            parts[i] = ScrubIf(parts[i], scrub);
        }

        return count <= 1 ? (null, parts[0]) : (string.Join('.', parts, 0, count - 1), parts[count - 1]);
    }

    public static string? ScrubFullName(string? name, bool scrub)
    {
        if (name is null || !scrub)
        {
            return name;
        }

        var (space, simple) = Split(name, scrub);
        return space is null ? simple : space + "." + simple;
    }

    /// <summary>Validates a simple name the way Avro Java does (a letter or <c>_</c>, then letters, digits or <c>_</c>).</summary>
    /// <exception cref="DataException">The name is invalid.</exception>
    public static void Validate(string name, string what)
    {
        var valid = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_');
        for (var i = 1; valid && i < name.Length; i++)
        {
            valid = char.IsLetterOrDigit(name[i]) || name[i] == '_';
        }

        if (!valid)
        {
            throw new DataException(
                $"Invalid Avro {what} name '{name}': names must start with a letter or '_' and contain only letters, digits and '_' " +
                "(set scrub.invalid.names=true to rewrite invalid names)");
        }
    }

    private static bool IsSimpleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsSimpleValid(string name)
    {
        foreach (var c in name)
        {
            if (!IsSimpleChar(c))
            {
                return false;
            }
        }

        return !char.IsAsciiDigit(name[0]);
    }

    // java.net.URLEncoder.encode(s, "UTF-8"): unreserved characters stay, space becomes '+', the rest %XX of UTF-8 bytes.
    private static string UrlEncode(string value)
    {
        var sb = new StringBuilder(value.Length * 2);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), buffer)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
                for (var b = 0; b < length; b++)
                {
                    sb.Append('%').Append(buffer[b].ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return sb.ToString();
    }
}
