using System.Collections.ObjectModel;
using Serverless.Connect.Configuration.Internal;

namespace Serverless.Connect.Configuration.Validation;

/// <summary>A set of typed configuration key definitions that parses and validates string configs the way Kafka's <c>ConfigDef</c> does.</summary>
/// <remarks>
/// Deliberate difference from Kafka: a validator is not run on a value that failed to parse or is missing, so each key
/// reports one clear problem instead of a parse error followed by "Value must be non-null".
/// </remarks>
public sealed class ConfigDef
{
    /// <summary>The default value marker meaning "required: no default".</summary>
    public static readonly object NoDefaultValue = new NoDefault();

    private readonly OrderedDictionary<string, ConfigKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Creates an empty definition.</summary>
    public ConfigDef()
    {
    }

    /// <summary>Creates a copy of another definition, to extend without changing the original.</summary>
    /// <param name="baseDefinition">The definition to copy.</param>
    public ConfigDef(ConfigDef baseDefinition)
    {
        ArgumentNullException.ThrowIfNull(baseDefinition);
        foreach (var (name, key) in baseDefinition._keys)
        {
            _keys[name] = key;
        }
    }

    /// <summary>The defined keys in definition order.</summary>
    public IReadOnlyDictionary<string, ConfigKey> Keys => new ReadOnlyDictionary<string, ConfigKey>(_keys);

    /// <summary>Defines a key; a string default is parsed with the key's type and the default is validated.</summary>
    /// <param name="key">The key definition.</param>
    /// <returns>This definition, for chaining.</returns>
    /// <exception cref="ArgumentException">The key is already defined, or its default is invalid.</exception>
    public ConfigDef Define(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.ContainsKey(key.Name))
        {
            throw new ArgumentException($"Configuration {key.Name} is defined twice.", nameof(key));
        }

        _keys[key.Name] = Normalize(key);
        return this;
    }

    /// <summary>Replaces the definition of an existing key (for example to tighten its validator).</summary>
    /// <param name="key">The new definition; its name must already be defined.</param>
    /// <returns>This definition.</returns>
    /// <exception cref="ArgumentException">The key is not defined.</exception>
    public ConfigDef Replace(ConfigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_keys.ContainsKey(key.Name))
        {
            throw new ArgumentException($"Configuration {key.Name} is not defined.", nameof(key));
        }

        _keys[key.Name] = Normalize(key);
        return this;
    }

    /// <summary>Defines a required key (no default).</summary>
    /// <param name="name">The configuration key.</param>
    /// <param name="type">The value type.</param>
    /// <param name="importance">The importance.</param>
    /// <param name="documentation">What the key does.</param>
    /// <returns>This definition.</returns>
    public ConfigDef Define(string name, ConfigType type, Importance importance, string documentation) =>
        Define(new ConfigKey(name, type) { Importance = importance, Documentation = documentation });

    /// <summary>Defines a key with a default.</summary>
    /// <param name="name">The configuration key.</param>
    /// <param name="type">The value type.</param>
    /// <param name="defaultValue">The default, typed or as a string; null is a valid default; <see cref="NoDefaultValue"/> makes it required.</param>
    /// <param name="importance">The importance.</param>
    /// <param name="documentation">What the key does.</param>
    /// <returns>This definition.</returns>
    public ConfigDef Define(string name, ConfigType type, object? defaultValue, Importance importance, string documentation) =>
        Define(name, type, defaultValue, null, importance, documentation);

    /// <summary>Defines a key with a default and a validator.</summary>
    /// <param name="name">The configuration key.</param>
    /// <param name="type">The value type.</param>
    /// <param name="defaultValue">The default, typed or as a string; <see cref="NoDefaultValue"/> makes it required.</param>
    /// <param name="validator">Extra validation, or null.</param>
    /// <param name="importance">The importance.</param>
    /// <param name="documentation">What the key does.</param>
    /// <returns>This definition.</returns>
    public ConfigDef Define(
        string name, ConfigType type, object? defaultValue, IConfigValidator? validator, Importance importance, string documentation) =>
        Define(new ConfigKey(name, type)
        {
            DefaultValue = defaultValue,
            Validator = validator,
            Importance = importance,
            Documentation = documentation,
        });

    /// <summary>Defines a key that still works but warns when set.</summary>
    /// <param name="name">The configuration key.</param>
    /// <param name="type">The value type.</param>
    /// <param name="defaultValue">The default.</param>
    /// <param name="documentation">What the key does.</param>
    /// <param name="deprecationMessage">What to tell users who set it.</param>
    /// <returns>This definition.</returns>
    public ConfigDef DefineDeprecated(string name, ConfigType type, object? defaultValue, string documentation, string deprecationMessage) =>
        Define(new ConfigKey(name, type)
        {
            DefaultValue = defaultValue,
            Importance = Importance.Low,
            Documentation = documentation,
            DeprecationMessage = deprecationMessage,
        });

    /// <summary>Defines a key that is no longer used: accepted with a warning, never parsed or validated.</summary>
    /// <param name="name">The configuration key, for example the Elasticsearch sink's <c>type.name</c>.</param>
    /// <param name="reason">Why it is ignored, shown in the warning.</param>
    /// <returns>This definition.</returns>
    public ConfigDef DefineRemoved(string name, string reason) =>
        Define(new ConfigKey(name, ConfigType.String)
        {
            DefaultValue = null,
            Importance = Importance.Low,
            Documentation = reason,
            DeprecationMessage = reason,
            IsRemoved = true,
        });

    /// <summary>Defines an old name whose value is used for <paramref name="newName"/> when that is not set (warns either way).</summary>
    /// <param name="oldName">The deprecated key, for example <c>table.whitelist</c>.</param>
    /// <param name="newName">The key that replaces it, for example <c>table.include.list</c>.</param>
    /// <returns>This definition.</returns>
    public ConfigDef DefineRenamed(string oldName, string newName) =>
        Define(new ConfigKey(oldName, ConfigType.String)
        {
            DefaultValue = null,
            Importance = Importance.Low,
            Documentation = $"Deprecated name of {newName}.",
            IsRemoved = true,
            ReplacedBy = newName,
        });

    /// <summary>Copies every key of <paramref name="child"/> into this definition under a prefix (Kafka's <c>embed</c>).</summary>
    /// <param name="prefix">The prefix including its trailing dot, for example <c>transforms.unwrap.</c>.</param>
    /// <param name="child">The definition to embed.</param>
    /// <param name="group">The documentation group of the embedded keys, or null to keep theirs.</param>
    /// <returns>This definition.</returns>
    public ConfigDef Embed(string prefix, ConfigDef child, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        foreach (var key in child._keys.Values)
        {
            _keys[prefix + key.Name] = key with
            {
                Name = prefix + key.Name,
                Group = group ?? key.Group,
                ReplacedBy = key.ReplacedBy is null ? null : prefix + key.ReplacedBy,
            };
        }

        return this;
    }

    /// <summary>Validates a configuration, collecting every problem instead of stopping at the first.</summary>
    /// <param name="props">The raw string configuration.</param>
    /// <returns>The errors, warnings and (when valid) the parsed values.</returns>
    public ConfigValidationResult Validate(IReadOnlyDictionary<string, string> props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var errors = new List<ConfigProblem>();
        var warnings = new List<ConfigProblem>();
        var effective = ApplyRenames(props, warnings);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in _keys.Values)
        {
            var present = effective.TryGetValue(key.Name, out var raw);
            if (key.IsRemoved)
            {
                if (present && key.ReplacedBy is null)
                {
                    warnings.Add(new ConfigProblem(key.Name, $"Configuration \"{key.Name}\" is no longer used and is ignored: {key.DeprecationMessage}"));
                }

                continue;
            }

            if (!present)
            {
                if (key.HasDefault)
                {
                    values[key.Name] = key.DefaultValue;
                }
                else
                {
                    errors.Add(new ConfigProblem(key.Name, $"Missing required configuration \"{key.Name}\" which has no default value."));
                }

                continue;
            }

            if (key.DeprecationMessage is not null)
            {
                warnings.Add(new ConfigProblem(key.Name, $"Configuration \"{key.Name}\" is deprecated: {key.DeprecationMessage}"));
            }

            try
            {
                var parsed = ConfigValueParser.Parse(key.Name, raw, key.Type);
                key.Validator?.EnsureValid(key.Name, parsed);
                values[key.Name] = parsed;
            }
            catch (ConfigException e)
            {
                errors.Add(new ConfigProblem(key.Name, e.Message));
            }
        }

        return new ConfigValidationResult(errors, warnings, new ParsedConfig(this, values, effective));
    }

    /// <summary>Parses a configuration, throwing when it is invalid.</summary>
    /// <param name="props">The raw string configuration.</param>
    /// <returns>The typed values with defaults applied.</returns>
    /// <exception cref="ConfigValidationException">The configuration is invalid; the message lists every problem.</exception>
    public ParsedConfig Parse(IReadOnlyDictionary<string, string> props) => Validate(props).EnsureValid();

    private IReadOnlyDictionary<string, string> ApplyRenames(IReadOnlyDictionary<string, string> props, List<ConfigProblem> warnings)
    {
        var renamed = _keys.Values.Where(k => k.ReplacedBy is not null && props.ContainsKey(k.Name)).ToList();
        if (renamed.Count == 0)
        {
            return props;
        }

        var effective = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in props)
        {
            effective[k] = v;
        }

        foreach (var key in renamed)
        {
            var newName = key.ReplacedBy!;
            if (effective.TryAdd(newName, props[key.Name]))
            {
                warnings.Add(new ConfigProblem(key.Name, $"Configuration \"{key.Name}\" is deprecated; its value is used for \"{newName}\". Rename it to \"{newName}\"."));
            }
            else
            {
                warnings.Add(new ConfigProblem(key.Name, $"Configuration \"{key.Name}\" is deprecated and ignored because \"{newName}\" is also set."));
            }
        }

        return new ReadOnlyDictionary<string, string>(effective);
    }

    // Kafka parses defaults with the key's type and validates them when the key is defined.
    private static ConfigKey Normalize(ConfigKey key)
    {
        if (!key.HasDefault || key.IsRemoved)
        {
            return key;
        }

        try
        {
            var parsedDefault = ConfigValueParser.Parse(key.Name, key.DefaultValue, key.Type);
            if (parsedDefault is not null)
            {
                key.Validator?.EnsureValid(key.Name, parsedDefault);
            }

            return key with { DefaultValue = parsedDefault };
        }
        catch (ConfigException e)
        {
            throw new ArgumentException($"Invalid default for {key.Name}: {e.Message}", nameof(key), e);
        }
    }

    private sealed class NoDefault
    {
        public override string ToString() => "<no default>";
    }
}
