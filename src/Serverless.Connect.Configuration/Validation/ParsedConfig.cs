using System.Collections.ObjectModel;
using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Validation;

/// <summary>Typed, defaulted configuration values produced by <see cref="ConfigDef.Parse"/> (Kafka's <c>AbstractConfig</c>).</summary>
public sealed class ParsedConfig
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly ConfigDef _definition;

    internal ParsedConfig(ConfigDef definition, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, string> originals)
    {
        _definition = definition;
        _values = values;
        Originals = originals;
    }

    /// <summary>The raw string values as supplied (after renamed keys were mapped to their new names).</summary>
    public IReadOnlyDictionary<string, string> Originals { get; }

    /// <summary>The definition these values were parsed against.</summary>
    public ConfigDef Definition => _definition;

    /// <summary>Supplied keys the definition does not know; Kafka logs these as "supplied but isn't a known config".</summary>
    public IReadOnlyList<string> UnknownKeys => Originals.Keys.Where(k => !_definition.Keys.ContainsKey(k)).ToList().AsReadOnly();

    /// <summary>Whether the key was supplied rather than defaulted.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>True when the supplied configuration contains the key.</returns>
    public bool IsSet(string key) => Originals.ContainsKey(key);

    /// <summary>The typed value of a defined key (null when its default is null).</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ConfigException">The key is not defined.</exception>
    public object? Get(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new ConfigException($"Unknown configuration '{key}'") { Key = key };

    /// <summary>A STRING value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The trimmed string, or null.</returns>
    public string? GetString(string key) => GetOfType<string>(key, ConfigType.String);

    /// <summary>A CLASS value: the class name or alias as written (trimmed).</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The class name, or null.</returns>
    public string? GetClass(string key) => GetOfType<string>(key, ConfigType.Class);

    /// <summary>A PASSWORD value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The password, or null.</returns>
    public Password? GetPassword(string key) => GetOfType<Password>(key, ConfigType.Password);

    /// <summary>A LIST value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The items, or null when the default is null.</returns>
    public IReadOnlyList<string>? GetList(string key) => GetOfType<IReadOnlyList<string>>(key, ConfigType.List);

    /// <summary>An INT value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ConfigException">The key is undefined or has no value.</exception>
    public int GetInt(string key) => GetRequired<int>(key, ConfigType.Int);

    /// <summary>A SHORT value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    public short GetShort(string key) => GetRequired<short>(key, ConfigType.Short);

    /// <summary>A LONG value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    public long GetLong(string key) => GetRequired<long>(key, ConfigType.Long);

    /// <summary>A DOUBLE value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string key) => GetRequired<double>(key, ConfigType.Double);

    /// <summary>A BOOLEAN value.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value.</returns>
    public bool GetBoolean(string key) => GetRequired<bool>(key, ConfigType.Boolean);

    /// <summary>An INT, SHORT or LONG value that may be null.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value, or null.</returns>
    public long? GetNullableLong(string key) => Get(key) switch
    {
        null => null,
        int i => i,
        short s => s,
        long l => l,
        _ => throw WrongType(key, ConfigType.Long),
    };

    /// <summary>The supplied entries whose keys start with <paramref name="prefix"/> (Kafka's <c>originalsWithPrefix</c>).</summary>
    /// <param name="prefix">The prefix, for example <c>transforms.unwrap.</c>.</param>
    /// <param name="strip">Whether to remove the prefix from the returned keys.</param>
    /// <returns>The matching entries in their original order.</returns>
    public IReadOnlyDictionary<string, string> OriginalsWithPrefix(string prefix, bool strip = true) =>
        ConfigPrefix.WithPrefix(Originals, prefix, strip);

    /// <summary>All typed values, including defaults.</summary>
    /// <returns>A read-only copy.</returns>
    public IReadOnlyDictionary<string, object?> Values() => new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(_values));

    private T? GetOfType<T>(string key, ConfigType type)
        where T : class
    {
        var value = Get(key);
        if (_definition.Keys[key].Type != type)
        {
            throw WrongType(key, type);
        }

        return (T?)value;
    }

    private T GetRequired<T>(string key, ConfigType type)
        where T : struct
    {
        var value = Get(key);
        if (_definition.Keys[key].Type != type)
        {
            throw WrongType(key, type);
        }

        return value is T typed ? typed : throw new ConfigException($"Configuration '{key}' has no value") { Key = key };
    }

    private InvalidOperationException WrongType(string key, ConfigType requested) =>
        new($"Configuration '{key}' is of type {ConfigValueParser.TypeName(_definition.Keys[key].Type)}, not {ConfigValueParser.TypeName(requested)}.");
}
