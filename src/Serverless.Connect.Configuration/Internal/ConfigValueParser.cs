using System.Collections;
using System.Globalization;
using Serverless.Connect.Configuration.Validation;

namespace Serverless.Connect.Configuration.Internal;

/// <summary>Kafka's <c>ConfigDef.parseType</c>: turns a raw (string or already typed) value into the typed value.</summary>
internal static class ConfigValueParser
{
    public static object? Parse(string name, object? value, ConfigType type)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value is string s ? JavaText.Trim(s) : null;
        return type switch
        {
            ConfigType.Boolean => ParseBoolean(name, value, trimmed),
            ConfigType.Password => value switch
            {
                Password => value,
                string => new Password(trimmed!),
                _ => throw NotOfType(name, value, "a string"),
            },
            ConfigType.String => trimmed ?? throw NotOfType(name, value, "a string"),
            ConfigType.Int => ParseInteger(name, value, trimmed, type, int.MinValue, int.MaxValue, v => (int)v),
            ConfigType.Short => ParseInteger(name, value, trimmed, type, short.MinValue, short.MaxValue, v => (short)v),
            ConfigType.Long => ParseInteger(name, value, trimmed, type, long.MinValue, long.MaxValue, v => v),
            ConfigType.Double => ParseDouble(name, value, trimmed),
            ConfigType.List => ParseList(name, value, trimmed),
            ConfigType.Class => ParseClass(name, value, trimmed),
            _ => throw new InvalidOperationException($"Unknown configuration type {type}."),
        };
    }

    /// <summary>Splits like Java's <c>trimmed.split("\\s*,\\s*", -1)</c>, keeping empty items.</summary>
    public static IReadOnlyList<string> SplitList(string trimmed)
    {
        if (trimmed.Length == 0)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var raw in trimmed.Split(','))
        {
            var start = 0;
            var end = raw.Length;
            while (start < end && JavaText.IsRegexWhitespace(raw[start]))
            {
                start++;
            }

            while (end > start && JavaText.IsRegexWhitespace(raw[end - 1]))
            {
                end--;
            }

            items.Add(raw[start..end]);
        }

        return items.AsReadOnly();
    }

    private static object ParseBoolean(string name, object value, string? trimmed)
    {
        if (value is bool)
        {
            return value;
        }

        if (trimmed is not null)
        {
            if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        throw new ConfigException(name, value, "Expected value to be either true or false");
    }

    private static object ParseInteger(
        string name, object value, string? trimmed, ConfigType type, long min, long max, Func<long, object> box)
    {
        if (trimmed is null)
        {
            return value switch
            {
                int i when type == ConfigType.Int => (object)i,
                short s when type == ConfigType.Short => (object)s,
                int or long when type == ConfigType.Long => (object)Convert.ToInt64(value, CultureInfo.InvariantCulture),
                _ => throw NotOfType(name, value, type == ConfigType.Short ? "a short" : type == ConfigType.Int ? "an integer" : "a long"),
            };
        }

        // Java accepts one optional sign then decimal digits; no whitespace, separators or exponents.
        var digitsStart = trimmed.Length > 0 && trimmed[0] is '+' or '-' ? 1 : 0;
        var valid = trimmed.Length > digitsStart && trimmed.AsSpan(digitsStart).IndexOfAnyExceptInRange('0', '9') < 0;
        if (valid && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            && parsed >= min && parsed <= max)
        {
            return box(parsed);
        }

        throw NotANumber(name, value, type);
    }

    private static object ParseDouble(string name, object value, string? trimmed)
    {
        if (trimmed is null)
        {
            return value switch
            {
                double d => (object)d,
                float or int or long or short or decimal => (object)Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => throw NotOfType(name, value, "a double"),
            };
        }

        if (TryParseJavaDouble(trimmed, out var result))
        {
            return result;
        }

        throw NotANumber(name, value, ConfigType.Double);
    }

    private static bool TryParseJavaDouble(string text, out double result)
    {
        result = 0;
        var body = text;
        var sign = 1.0;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1.0 : 1.0;
            body = body[1..];
        }

        if (body is "NaN")
        {
            result = double.NaN;
            return true;
        }

        if (body is "Infinity")
        {
            result = sign * double.PositiveInfinity;
            return true;
        }

        // Java allows a trailing type suffix (1.5f, 2d); .NET does not.
        if (body.Length > 0 && body[^1] is 'f' or 'F' or 'd' or 'D')
        {
            body = body[..^1];
        }

        if (body.Length == 0 || body.AsSpan().IndexOfAnyExcept("0123456789.eE+-") >= 0 || !char.IsAsciiDigit(body[0]) && body[0] != '.')
        {
            return false;
        }

        if (!double.TryParse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        result = sign * parsed;
        return true;
    }

    private static IReadOnlyList<string> ParseList(string name, object value, string? trimmed)
    {
        if (trimmed is not null)
        {
            return SplitList(trimmed);
        }

        if (value is IEnumerable items)
        {
            return items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty).ToList().AsReadOnly();
        }

        throw new ConfigException(name, value, "Expected a comma separated list.");
    }

    private static string ParseClass(string name, object value, string? trimmed)
    {
        if (trimmed is null)
        {
            throw new ConfigException(name, value, "Expected a Class instance or class name.");
        }

        if (!JavaText.IsClassName(trimmed))
        {
            throw new ConfigException(name, value, $"Class {value} could not be found.");
        }

        return trimmed;
    }

    private static ConfigException NotANumber(string name, object value, ConfigType type) =>
        new(name, value, "Not a number of type " + TypeName(type));

    private static ConfigException NotOfType(string name, object value, string expected) =>
        new(name, value, $"Expected value to be {expected}, but it was a {value.GetType().FullName}");

    /// <summary>Kafka prints types by their Java enum names (<c>INT</c>, <c>LIST</c>, ...).</summary>
    public static string TypeName(ConfigType type) => type.ToString().ToUpperInvariant();
}
