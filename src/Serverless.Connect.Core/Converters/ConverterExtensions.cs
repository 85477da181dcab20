using Serverless.Connect.Data;

namespace Serverless.Connect.Converters;

/// <summary>Convenience overloads for <see cref="IConverter"/>.</summary>
public static class ConverterExtensions
{
    /// <summary>Serializes a Connect value without headers.</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="schema">The schema, or <see langword="null"/>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The bytes, or <see langword="null"/> for a Kafka null.</returns>
    public static byte[]? FromConnectData(this IConverter converter, string topic, Schema? schema, object? value)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.FromConnectData(topic, null, schema, value);
    }

    /// <summary>Deserializes bytes (or a Kafka null) without headers.</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="value">The bytes, or <see langword="null"/> for a Kafka null.</param>
    /// <returns>The schema and value.</returns>
    public static SchemaAndValue ToConnectData(this IConverter converter, string topic, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.ToConnectData(topic, null, value, value is null);
    }

    /// <summary>Configures a converter with no settings.</summary>
    /// <param name="converter">The converter.</param>
    /// <param name="isKey">Whether it handles keys.</param>
    /// <returns>The converter.</returns>
    public static IConverter ConfigureDefaults(this IConverter converter, bool isKey = false)
    {
        ArgumentNullException.ThrowIfNull(converter);
        converter.Configure(new Dictionary<string, string>(), isKey);
        return converter;
    }
}
