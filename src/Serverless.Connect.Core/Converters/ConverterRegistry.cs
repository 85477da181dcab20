using System.Collections.Concurrent;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters;

/// <summary>
/// Resolves converter class names from Kafka Connect configs (<c>key.converter</c>, <c>value.converter</c>) to
/// implementations. Other assemblies add formats with <see cref="Register"/>, e.g. an Avro converter registering
/// <c>io.confluent.connect.avro.AvroConverter</c> on <see cref="Default"/> at startup.
/// </summary>
public sealed class ConverterRegistry
{
    /// <summary>Kafka's JSON converter class name.</summary>
    public const string JsonConverterClass = "org.apache.kafka.connect.json.JsonConverter";

    /// <summary>Kafka's string converter class name.</summary>
    public const string StringConverterClass = "org.apache.kafka.connect.storage.StringConverter";

    /// <summary>Kafka's byte array converter class name.</summary>
    public const string ByteArrayConverterClass = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private readonly ConcurrentDictionary<string, Func<IConverter>> _factories = new(StringComparer.Ordinal);

    /// <summary>Gets the process-wide registry, pre-populated with the built-in converters.</summary>
    public static ConverterRegistry Default { get; } = CreateWithBuiltIns();

    /// <summary>Gets the registered class names (including aliases), sorted.</summary>
    public IReadOnlyList<string> SupportedClassNames => [.. _factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Creates a registry with the JSON, String and ByteArray converters under their Kafka class names and, as Connect's
    /// plugin aliases allow, their simple class names.
    /// </summary>
    /// <returns>The registry.</returns>
    public static ConverterRegistry CreateWithBuiltIns()
    {
        var registry = new ConverterRegistry();
        registry.Register(JsonConverterClass, () => new JsonConverter());
        registry.Register(StringConverterClass, () => new StringConverter());
        registry.Register(ByteArrayConverterClass, () => new ByteArrayConverter());
        registry.Register("JsonConverter", () => new JsonConverter());
        registry.Register("StringConverter", () => new StringConverter());
        registry.Register("ByteArrayConverter", () => new ByteArrayConverter());
        return registry;
    }

    /// <summary>Registers (or replaces) the factory for a class name.</summary>
    /// <param name="className">The class name as it appears in configs.</param>
    /// <param name="factory">Creates a new, unconfigured converter.</param>
    public void Register(string className, Func<IConverter> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[className.Trim()] = factory;
    }

    /// <summary>Returns whether a class name is registered.</summary>
    /// <param name="className">The class name.</param>
    /// <returns><see langword="true"/> if supported.</returns>
    public bool IsSupported(string className) => className is not null && _factories.ContainsKey(className.Trim());

    /// <summary>Creates an unconfigured converter.</summary>
    /// <param name="className">The class name.</param>
    /// <param name="converter">The converter.</param>
    /// <returns><see langword="true"/> if the class name is registered.</returns>
    public bool TryCreate(string className, out IConverter? converter)
    {
        converter = null;
        if (className is null || !_factories.TryGetValue(className.Trim(), out var factory))
        {
            return false;
        }

        converter = factory();
        return true;
    }

    /// <summary>Creates an unconfigured converter.</summary>
    /// <param name="className">The class name.</param>
    /// <returns>The converter.</returns>
    /// <exception cref="ConnectException">The class name is not registered; the message lists the supported names.</exception>
    public IConverter Create(string className) =>
        TryCreate(className, out var converter)
            ? converter!
            : throw new ConnectException(
                $"Unsupported converter class '{className}'. Supported converters: {string.Join(", ", SupportedClassNames)}");

    /// <summary>Creates and configures a converter.</summary>
    /// <param name="className">The class name.</param>
    /// <param name="configs">The converter settings (without the <c>key.converter.</c>/<c>value.converter.</c> prefix).</param>
    /// <param name="isKey">Whether it handles keys.</param>
    /// <returns>The configured converter.</returns>
    /// <exception cref="ConnectException">The class name is not registered or a setting is invalid.</exception>
    public IConverter Create(string className, IReadOnlyDictionary<string, string> configs, bool isKey)
    {
        var converter = Create(className);
        converter.Configure(configs, isKey);
        return converter;
    }
}
