using System.Globalization;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>Parses config values the way Kafka's <c>ConfigDef</c> does (trimmed, booleans case-insensitive).</summary>
internal static class ConfigValues
{
    public static string GetString(IReadOnlyDictionary<string, string> configs, string name, string defaultValue) =>
        configs.TryGetValue(name, out var value) && value is not null ? value.Trim() : defaultValue;

    public static bool GetBoolean(IReadOnlyDictionary<string, string> configs, string name, bool defaultValue)
    {
        if (!configs.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }

        var trimmed = value.Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new ConverterConfigException(name, value, "Expected value to be either true or false");
    }

    public static int GetInt32(IReadOnlyDictionary<string, string> configs, string name, int defaultValue, int minimum)
    {
        if (!configs.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new ConverterConfigException(name, value, "Not a number of type INT");
        }

        if (result < minimum)
        {
            throw new ConverterConfigException(name, value, $"Value must be at least {minimum}");
        }

        return result;
    }
}
